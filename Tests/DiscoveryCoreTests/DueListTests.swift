import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct DueListTests {
    let now = utc("2026-03-03T10:00:00Z")   // a Tuesday

    func lead(_ id: Int64, mql: String? = nil, stage: Stage = .mql, consent: Consent = .unknown, owner: String = "sam") -> FollowUpLead {
        FollowUpLead(id: id, org: "Org \(id)", owner: owner, stage: stage, consent: consent, mqlAt: mql.map(utc))
    }

    func call(_ lead: Int64, _ outcome: CallOutcome, at: String, due: String, by: String = "sam") -> FollowUpCall {
        FollowUpCall(id: lead * 10, leadId: lead, outcome: outcome, at: utc(at), actor: by, followUpDue: utc(due))
    }

    /// The list holds every item once, each no later in list order than the next, and items of
    /// equal keys (same state, time, lead and kind) in the order they came, whatever the mix.
    @Test(arguments: Array(UInt64(1)...50))
    func theListIsInKeyOrderAndKeepsTiesAsTheyCame(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let kinds: [DueItem.Kind] = [.firstAttempt, .retry, .nextStep, .requalify]
        let items = (0..<g.int(0...60)).map { i in
            DueItem(leadId: Int64(g.int(0...7)), org: "Org \(i)", owner: nil, kind: g.pick(kinds), what: "item \(i)",
                    since: now, due: now + Double(g.int(0...4) * 3600), state: g.pick([.due, .breached]))
        }
        let sorted = DueList.sortedForList(items)
        #expect(sorted.map(\.what).sorted() == items.map(\.what).sorted())
        let position = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element.what, $0.offset) })
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let ka = DueList.listKey(a), kb = DueList.listKey(b)
            #expect(!(kb < ka), "\(b.what) before \(a.what)")
            if ka == kb { #expect(position[a.what]! < position[b.what]!, "tie out of order: \(a.what), \(b.what)") }
        }
    }

    @Test func overdueFirstThenDueTodayEachByDueTime() {
        let items = DueList.items(
            firstAttempts: [
                FirstAttemptCandidate(lead: lead(1, mql: "2026-03-02T08:00:00Z"), firstAttempt: nil, signals: []),   // due 03-03 08:00: breached
                FirstAttemptCandidate(lead: lead(2, mql: "2026-03-03T09:00:00Z"), firstAttempt: nil,
                                      signals: [SignalEvent(leadId: 2, kind: "demo-request", actor: "m", at: utc("2026-03-03T09:00:00Z"))]),  // 13:00 today
                FirstAttemptCandidate(lead: lead(3, mql: "2026-03-03T09:00:00Z"), firstAttempt: nil, signals: []),   // tomorrow: not listed
                FirstAttemptCandidate(lead: lead(4, mql: "2026-03-02T08:00:00Z"), firstAttempt: utc("2026-03-02T09:00:00Z"), signals: []),  // met
            ],
            retries: [
                RetryCandidate(lead: lead(5), call: call(5, .voicemail, at: "2026-02-27T09:00:00Z", due: "2026-03-02T09:00:00Z"), hasOpenNextStep: false),
                RetryCandidate(lead: lead(6), call: call(6, .busy, at: "2026-03-03T08:00:00Z", due: "2026-03-03T12:00:00Z"), hasOpenNextStep: false),
                RetryCandidate(lead: lead(7), call: call(7, .connected, at: "2026-03-02T08:00:00Z", due: "2026-03-03T08:00:00Z"), hasOpenNextStep: true),
            ],
            nextSteps: [
                (lead(8, stage: .sql), NextStep(leadId: 8, action: .demo, note: "Demo for the OR team", owner: "ana",
                                                due: utc("2026-03-03T00:00:00Z"), setAt: utc("2026-02-25T10:00:00Z"), actor: "ana")),
                (lead(9, stage: .sql), NextStep(leadId: 9, action: .technicalReview, due: utc("2026-03-02T00:00:00Z"),
                                                setAt: utc("2026-02-20T10:00:00Z"), actor: "ana")),
            ],
            highPriority: ["demo-request"], now: now)
        let list = DueList.due(items)
        #expect(list.map(\.leadId) == [5, 9, 1, 6, 2, 8])   // L9's step was due on 03-02: overdue once that day ended
        #expect(list.map(\.state) == [.breached, .breached, .breached, .due, .due, .due])
        #expect(list.first { $0.leadId == 2 }?.what == "first call (4 h SLA, demo-request)")
        #expect(list.first { $0.leadId == 9 }?.owner == "sam")   // a step without owner falls to the lead owner
        #expect(DueList.due(items, owner: "ana").map(\.leadId) == [8])
        #expect(items.first { $0.leadId == 3 }?.state == .open)
        #expect(!items.contains { $0.leadId == 4 })
        #expect(!items.contains { $0.leadId == 7 })   // a connected call with an open next step asks nothing more
    }

    @Test func noOutreachForConsentNoNorForClosedLeads() {
        let items = DueList.items(
            firstAttempts: [FirstAttemptCandidate(lead: lead(1, mql: "2026-03-02T08:00:00Z", consent: .no), firstAttempt: nil, signals: [])],
            retries: [
                RetryCandidate(lead: lead(2, consent: .no), call: call(2, .voicemail, at: "2026-03-02T09:00:00Z", due: "2026-03-03T09:00:00Z"), hasOpenNextStep: false),
                RetryCandidate(lead: lead(3, stage: .disqualified), call: call(3, .voicemail, at: "2026-03-02T09:00:00Z", due: "2026-03-03T09:00:00Z"), hasOpenNextStep: false),
                RetryCandidate(lead: lead(4, stage: .nurture), call: call(4, .busy, at: "2026-03-02T09:00:00Z", due: "2026-03-03T09:00:00Z"), hasOpenNextStep: false),
            ],
            nextSteps: [], highPriority: [], now: now)
        #expect(items.isEmpty)
    }

    @Test(arguments: [
        // (call began, ended, duration, outcome, counts as the first attempt)
        ("2026-03-02T07:50:00Z", nil, nil, nil, true),                                      // still open
        ("2026-03-02T07:50:00Z", "2026-03-02T08:10:00Z", 20, CallOutcome.connected, true),  // ended after mql_at
        ("2026-03-02T07:50:00Z", "2026-03-02T08:00:00Z", 10, CallOutcome.connected, true),  // ended at mql_at
        ("2026-03-02T07:30:00Z", nil, 40, CallOutcome.connected, true),                     // one line, 40 minutes
        ("2026-03-02T07:30:00Z", nil, 20, CallOutcome.voicemail, false),                    // one line, over at 07:50
        ("2026-03-02T07:50:00Z", "2026-03-02T07:55:00Z", 5, CallOutcome.noAnswer, false),   // ended before
    ] as [(String, String?, Int?, CallOutcome?, Bool)])
    func aCallInProgressAtTheMQLMomentIsTheFirstAttempt(began: String, ended: String?, minutes: Int?,
                                                        outcome: CallOutcome?, counts: Bool) {
        let before = Call(id: 9, leadId: 1, outcome: outcome, durationMinutes: minutes, at: utc(began),
                          endedAt: ended.map(utc), actor: "sam")
        let candidate = FirstAttemptCandidate(lead: lead(1, mql: "2026-03-02T08:00:00Z"), firstAttempt: nil,
                                              callBeforeMQL: before, signals: [])
        #expect(candidate.firstAttemptAt == (counts ? utc("2026-03-02T08:00:00Z") : nil))
        let items = DueList.items(firstAttempts: [candidate], retries: [], nextSteps: [], highPriority: [], now: now)
        #expect(items.isEmpty == counts)
        let report = SLAReport.compute([candidate], highPriority: [], now: now)
        #expect(report.total.met == (counts ? 1 : 0))
    }
}

/// What `due` lists and what the start-up line counts: one rule (`DueList.lists`).
@Suite struct DueListCountsTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    static func item(_ state: SLAState, owner: String?) -> DueItem {
        DueItem(leadId: 1, org: "O", owner: owner, kind: .retry, what: "w", since: at, due: at, state: state)
    }

    @Test(arguments: [
        (SLAState.breached, "sam", "sam", true), (.due, "sam", "sam", true), (.open, "sam", "sam", false), (.met, "sam", "sam", false),
        (.breached, "lee", "sam", false), (.breached, nil, "sam", false), (.due, "lee", nil, true), (.breached, nil, nil, true),
    ] as [(SLAState, String?, String?, Bool)])
    func listedWhenOverdueOrDueTodayAndTheOwners(state: SLAState, owner: String?, asked: String?, listed: Bool) {
        let item = Self.item(state, owner: owner)
        #expect(DueList.lists(item, owner: asked) == listed)
        #expect(DueList.due([item], owner: asked).count == (listed ? 1 : 0))
        var counts = DueList.Counts()
        counts.add(item, owner: asked)
        #expect(counts.listed == (listed ? 1 : 0))
        #expect(counts.overdue == (listed && state == .breached ? 1 : 0))
    }
}
