import DiscoveryCore
import Foundation
import Testing

@Suite struct CallEndingTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    @Test func anEndingRecordsWhatItSetsAndANewNoteOnly() {
        let open = Call(id: 4, leadId: 2, outcome: nil, note: "asked for Ana", at: Self.at, actor: "sam")
        let full = CallEnding.changes(of: open, outcome: .meetingBooked, note: "demo Tuesday", durationMinutes: 12,
                                      followUpDue: Self.at + 86_400, at: Self.at + 720)
        #expect(full.map { "\($0.field): \($0.old ?? "-") -> \($0.new ?? "-")" } == [
            "outcome: - -> meeting-booked", "ended_at: - -> \(Dates.iso(Self.at + 720))", "duration_min: - -> 12",
            "follow_up_due: - -> \(Dates.iso(Self.at + 86_400))", "note: asked for Ana -> demo Tuesday",
        ])
        // No duration, no follow-up, no new note: those fields are not recorded.
        let bare = CallEnding.changes(of: open, outcome: .voicemail, note: nil, durationMinutes: nil, followUpDue: nil, at: Self.at)
        #expect(bare.map(\.field) == ["outcome", "ended_at"])
    }

    @Test func aCallEndsOnce() throws {
        try CallEnding.check(Call(id: 4, leadId: 2, outcome: nil, at: Self.at, actor: "sam"))
        #expect(throws: DiscoveryError.failed("call #4 on L2 has already ended")) {
            try CallEnding.check(Call(id: 4, leadId: 2, outcome: .busy, at: Self.at, actor: "sam"))
        }
        #expect(throws: DiscoveryError.failed("call #4 on L2 has already ended")) {
            try CallEnding.check(Call(id: 4, leadId: 2, outcome: nil, at: Self.at, endedAt: Self.at, actor: "sam"))
        }
    }

    @Test func aStartedCallIsOpenWhateverItWasGiven() throws {
        let given = Call(id: 0, leadId: 2, outcome: .voicemail, note: "n", durationMinutes: 3, at: Self.at,
                         endedAt: Self.at + 60, actor: "sam", followUpDue: Self.at + 86_400, contactId: 7)
        let open = CallEnding.opened(given)
        #expect(open.outcome == nil && open.endedAt == nil && open.followUpDue == nil)
        #expect(open.note == "n" && open.durationMinutes == 3 && open.at == Self.at && open.contactId == 7)
        try CallEnding.check(open)
        #expect(throws: DiscoveryError.self) { try CallEnding.check(given) }
    }
}
