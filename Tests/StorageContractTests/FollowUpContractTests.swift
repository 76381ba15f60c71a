import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// One person's follow-ups are read with the owner pushed into the queries (indexes), the
/// whole book without: both must give what `DueList`'s rules give that person, so the start-up
/// counts and `due --owner` agree with the whole-book `due`.
@Suite struct FollowUpContractTests {
    let t0 = ContractTime.t0
    let day: TimeInterval = 86_400
    let owners: [String?] = ["sam", "lee", "kim", nil]
    let highPriority: Set<String> = ["demo-request"]

    /// 48 leads of every owner (and none), stage and consent; calls by other people than the
    /// owner, follow-ups overdue, due today and later; next steps owned by the lead's owner,
    /// someone else or nobody; re-qualification marks; priority signals.
    func makeVariedBook(_ store: any Storage) throws {
        let stages: [Stage] = [.new, .mql, .sal, .sql, .nurture, .disqualified, .closedLost, .opportunity]
        let consents: [Consent] = [.unknown, .yes, .no]
        let outcomes: [CallOutcome] = [.voicemail, .busy, .connected, .noAnswer, .callBackLater, .meetingBooked]
        let callers = ["sam", "lee", "kim", "ana"]
        for i in 0..<48 {
            let start = t0 - 10 * day + Double(i) * 3_600
            let lead = try store.createLead(Lead(org: "Org \(i)", profile: "consumables", consent: consents[i % 3],
                                                 owner: owners[i % 4], createdAt: start), actor: "ana")
            let stage = stages[(i / 2) % stages.count]
            if stage != .new {
                try store.changeStage(lead: lead.id, to: .mql, reason: nil, note: nil, actor: "ana", at: start + 60)
                if stage != .mql { try store.changeStage(lead: lead.id, to: stage, reason: nil, note: nil, actor: "ana", at: start + 120) }
            }
            if i % 5 == 0 {
                _ = try store.addSignal(SignalEvent(leadId: lead.id, kind: i % 10 == 0 ? "demo-request" : "webinar",
                                                    actor: "mkto", at: start + 30), actor: "mkto")
            }
            for n in 0..<(i % 3) {
                let at = start + 600 + Double(n) * 1_800
                // Follow-ups from long overdue to days ahead of t0.
                let due = t0 + Double((i * 7 + n * 3) % 9 - 5) * day / 2
                _ = try store.logCall(Call(leadId: lead.id, outcome: outcomes[(i + n) % outcomes.count], at: at,
                                           actor: callers[(i + n) % callers.count], followUpDue: i % 6 == 5 ? nil : due),
                                      stageChange: nil, actor: callers[(i + n) % callers.count], at: at)
            }
            if i % 3 == 1 {
                _ = try store.setNextStep(lead: lead.id, action: .demo, note: i % 2 == 0 ? "bring the deck" : nil,
                                          owner: [nil, "lee", "sam", "kim"][i % 4], due: t0 + Double(i % 5 - 2) * day,
                                          actor: "ana", at: start + 900)
            }
            if Requalification.stages.contains(stage) && i % 2 == 0 {
                _ = try store.markRequalify(lead: lead.id, trigger: "signal:demo-request", actor: "ana", at: t0 - Double(i % 3) * day)
            }
        }
    }

    func items(_ store: any Storage, owner: String?, now: Date) throws -> [DueItem] {
        var items: [DueItem] = []
        try store.forEachFollowUpInput(before: BusinessTime.endOfDay(now), owner: owner) { input in
            if let item = DueList.item(input, highPriority: highPriority, now: now) { items.append(item) }
        }
        return items
    }

    @Test(arguments: Backend.all) func oneOwnersFollowUpsAreTheWholeBooksForThatOwner(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try makeVariedBook(store)
        let now = t0 + 3 * 3_600
        let book = try items(store, owner: nil, now: now)
        let listed = DueList.due(book)
        // The book is varied enough to mean something: every kind, overdue and due today.
        #expect(Set(listed.map(\.kind)) == [.firstAttempt, .retry, .nextStep, .requalify])
        #expect(Set(listed.map(\.state)) == [.breached, .due])
        #expect(book.contains { $0.state == .open })
        for owner in owners.compactMap({ $0 }) + ["ana", "nobody"] {
            let own = try items(store, owner: owner, now: now)
            let expected = DueList.due(book, owner: owner)
            #expect(DueList.due(own, owner: owner) == expected, "owner \(owner)")
            var counts = DueList.Counts()
            for item in own { counts.add(item, owner: owner) }
            #expect(counts.listed == expected.count, "owner \(owner)")
            #expect(counts.overdue == expected.filter { $0.state == .breached }.count, "owner \(owner)")
        }
        #expect(DueList.due(book, owner: "sam").count > 0 && DueList.due(book, owner: "ana").count > 0)
    }

    /// The records read to count (`forEachFollowUpInputToCount`, the start-up line) give each
    /// owner the same items as the whole records, up to their texts (a step's note, the
    /// organisation): kind, lead, owner, deadline and state, so the same counts, at any time of day.
    @Test(arguments: Backend.all) func theRecordsReadToCountGiveEachOwnerTheSameItemsAndCounts(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try makeVariedBook(store)
        func key(_ item: DueItem) -> String { "\(item.kind) \(item.leadId) \(item.owner ?? "-") \(item.due) \(item.state)" }
        var compared = 0
        for now in [t0 + 3 * 3_600, t0 - 2 * day, t0 + 4 * day] {
            for owner in owners.compactMap({ $0 }) + ["ana", "nobody"] {
                var counted: [DueItem] = []
                try store.forEachFollowUpInputToCount(before: BusinessTime.endOfDay(now), owner: owner) { input in
                    if let item = DueList.item(input, highPriority: highPriority, now: now) { counted.append(item) }
                }
                let whole = try items(store, owner: owner, now: now)
                #expect(counted.map(key).sorted() == whole.map(key).sorted(), "owner \(owner)")
                var a = DueList.Counts(), b = DueList.Counts()
                for item in counted { a.add(item, owner: owner) }
                for item in whole { b.add(item, owner: owner) }
                #expect(a == b, "owner \(owner)")
                compared += a.listed
            }
        }
        #expect(compared > 0)
    }

    @Test(arguments: Backend.all) func aFirstAttemptCandidateCarriesItsSignalsAndTheCallBeforeItsMQLMoment(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
        let b = try store.createLead(Lead(org: "B", profile: "consumables", owner: "lee", createdAt: t0), actor: "ana")
        let before = try store.logCall(Call(leadId: a.id, outcome: .connected, at: t0, actor: "sam"), stageChange: nil, actor: "sam", at: t0)
        for lead in [a, b] { try store.changeStage(lead: lead.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 60) }
        _ = try store.addSignal(SignalEvent(leadId: b.id, kind: "webinar", actor: "mkto", at: t0 + 20), actor: "mkto")
        _ = try store.addSignal(SignalEvent(leadId: b.id, kind: "demo-request", actor: "mkto", at: t0 + 10), actor: "mkto")
        var seen: [FirstAttemptCandidate] = []
        try store.forEachFirstAttemptCandidate(stages: nil, mqlSince: nil, owner: nil, signalKinds: nil) { seen.append($0) }
        #expect(seen.map(\.lead.id) == [a.id, b.id])
        #expect(seen[0].callBeforeMQL == before && seen[0].signals.isEmpty)
        #expect(seen[1].callBeforeMQL == nil && seen[1].signals.map(\.kind) == ["demo-request", "webinar"])
        struct Stop: Error {}
        var calls = 0
        #expect(throws: (any Error).self) {
            try store.forEachFirstAttemptCandidate(stages: nil, mqlSince: nil, owner: nil, signalKinds: nil) { _ in calls += 1; throw Stop() }
        }
        #expect(calls == 1)
    }
}
