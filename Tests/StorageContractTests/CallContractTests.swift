import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Calls, signals and next steps: what every backend must do.
@Suite struct CallContractTests {
    let t0 = ContractTime.t0

    func storeWithLead(_ backend: Backend) throws -> (Fixture, Int64) {
        let fixture = try backend.make()
        let lead = try fixture.store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: t0), actor: "sam")
        return (fixture, lead.id)
    }

    @Test(arguments: Backend.all) func aLoggedCallIsKeptWithItsStageMoveAsOneChange(_ backend: Backend) throws {
        let (fixture, lead) = try storeWithLead(backend)
        let store = fixture.store
        let logged = try store.logCall(Call(leadId: lead, outcome: .notInterested, note: "no budget this year", durationMinutes: 4,
                                            at: t0, endedAt: t0 + 240, actor: "sam"),
                                       stageChange: CallStageChange(stage: .nurture, reason: nil, note: "call"), actor: "sam", at: t0)
        #expect(logged.id > 0 && logged.outcome == .notInterested && logged.durationMinutes == 4 && logged.endedAt == t0 + 240)
        #expect(try store.calls(lead: lead) == [logged])
        #expect(try store.lead(id: lead)?.stage == .nurture)
        let entries = try store.audit(lead: lead).dropFirst()
        #expect(Set(entries.map(\.changeId)).count == 1)
        _ = try store.undo(actor: "sam", at: t0 + 300)
        #expect(try store.calls(lead: lead).isEmpty)
        #expect(try store.lead(id: lead)?.stage == .new)
    }

    @Test(arguments: Backend.all) func anOpenCallCollectsAnswersAndMustBeEndedOnce(_ backend: Backend) throws {
        let (fixture, lead) = try storeWithLead(backend)
        let store = fixture.store
        let open = try store.startCall(Call(leadId: lead, outcome: .connected, at: t0, endedAt: t0 + 1, actor: "sam",
                                            followUpDue: t0 + 2), actor: "sam")
        #expect(open.outcome == nil && open.endedAt == nil && open.followUpDue == nil)
        #expect(try store.openCall(lead: lead) == open)
        let refused = try #require(throws: DiscoveryError.self) {
            try store.logCall(Call(leadId: lead, outcome: .voicemail, at: t0 + 5, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 5)
        }
        #expect(refused.message.contains("has a call open"))
        try store.recordAnswer(lead: lead, question: "need.problem", value: .text("turnover"), note: nil, people: [], actor: "sam", at: t0 + 10)
        try store.recordAnswer(lead: lead, question: "need.volume", value: .number(12), note: nil, people: [], actor: "sam", at: t0 + 20)
        let ended = try store.endCall(id: open.id, outcome: .meetingBooked, note: "demo Tuesday", durationMinutes: 12,
                                      followUpDue: t0 + 86_400, stageChange: nil, actor: "sam", at: t0 + 720)
        #expect(ended.outcome == .meetingBooked && ended.note == "demo Tuesday" && ended.endedAt == t0 + 720
                && ended.followUpDue == t0 + 86_400 && ended.durationMinutes == 12)
        #expect(try store.openCall(lead: lead) == nil)
        #expect(try store.answerCounts(lead: lead) == [open.id: 2])
        let again = try #require(throws: DiscoveryError.self) {
            try store.endCall(id: open.id, outcome: .connected, note: nil, durationMinutes: nil, followUpDue: nil,
                              stageChange: nil, actor: "sam", at: t0 + 800)
        }
        #expect(again.message == "call #\(open.id) on L\(lead) has already ended")
        #expect(throws: DiscoveryError.failed("no call #\(open.id + 1)")) {
            try store.endCall(id: open.id + 1, outcome: .connected, note: nil, durationMinutes: nil, followUpDue: nil,
                              stageChange: nil, actor: "sam", at: t0 + 800)
        }
        // Undo of the end reopens the call.
        _ = try store.undo(actor: "sam", at: t0 + 900)
        #expect(try store.openCall(lead: lead)?.id == open.id)
    }

    @Test(arguments: Backend.all) func callsComeOldestFirstAndAreRefusedForAnUnknownLead(_ backend: Backend) throws {
        let (fixture, lead) = try storeWithLead(backend)
        let store = fixture.store
        _ = try store.logCall(Call(leadId: lead, outcome: .busy, at: t0 + 60, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 60)
        _ = try store.logCall(Call(leadId: lead, outcome: .voicemail, at: t0, actor: "lee"), stageChange: nil, actor: "lee", at: t0 + 61)
        #expect(try store.calls(lead: lead).map(\.outcome) == [.voicemail, .busy])
        #expect(try store.calls(lead: lead).map(\.actor) == ["lee", "sam"])
        #expect(throws: DiscoveryError.failed("no lead L\(lead + 1)")) {
            try store.logCall(Call(leadId: lead + 1, outcome: .busy, at: t0, actor: "sam"), stageChange: nil, actor: "sam", at: t0)
        }
    }

    @Test(arguments: Backend.all) func aNextStepIsSetChangedInPlaceAndDone(_ backend: Backend) throws {
        let (fixture, lead) = try storeWithLead(backend)
        let store = fixture.store
        #expect(try store.openNextStep(lead: lead) == nil)
        let set = try store.setNextStep(lead: lead, action: .demo, note: "with Dr. Ruiz", owner: "priya", due: t0 + 86_400,
                                        actor: "sam", at: t0)
        #expect(try store.openNextStep(lead: lead) == set)
        let changed = try store.setNextStep(lead: lead, action: .technicalReview, note: "with Dr. Ruiz", owner: nil,
                                            due: t0 + 2 * 86_400, actor: "sam", at: t0 + 1)
        #expect(changed.id == set.id && changed.action == .technicalReview && changed.owner == nil && changed.due == t0 + 2 * 86_400)
        let fields = try store.audit(lead: lead).filter { $0.entity == "next_step" }.map { $0.field ?? "create" }
        #expect(fields == ["create", "action", "owner", "due"])
        let done = try store.completeNextStep(lead: lead, actor: "sam", at: t0 + 5)
        #expect(done.doneAt == t0 + 5)
        #expect(try store.openNextStep(lead: lead) == nil)
        let none = try #require(throws: DiscoveryError.self) { try store.completeNextStep(lead: lead, actor: "sam", at: t0 + 6) }
        #expect(none.message.hasPrefix("L\(lead) has no open next step"))
        _ = try store.undo(actor: "sam", at: t0 + 7)
        #expect(try store.openNextStep(lead: lead)?.id == set.id)
        #expect(throws: DiscoveryError.failed("no lead L\(lead + 1)")) {
            try store.setNextStep(lead: lead + 1, action: .demo, note: nil, owner: "x", due: t0, actor: "sam", at: t0)
        }
    }

    @Test(arguments: Backend.all) func signalsOfAnUnknownLeadAreRefused(_ backend: Backend) throws {
        let (fixture, lead) = try storeWithLead(backend)
        #expect(throws: DiscoveryError.failed("no lead L\(lead + 1)")) {
            try fixture.store.addSignal(SignalEvent(leadId: lead + 1, kind: "demo-request", actor: "mkto", at: t0), actor: "mkto")
        }
        #expect(try fixture.store.signals(lead: lead).isEmpty)
    }
}
