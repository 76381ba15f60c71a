import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// The follow-up reads decode only what the rules read of a lead (`FollowUpLead`) and of a
/// retry's call (`FollowUpCall`): every lead and call they hand out must be exactly those fields
/// of the stored record, on both backends; the SLA's
/// read of some signal kinds only must give the same leads with those signals and no others; and
/// `report review`'s read must give the whole records beside the same candidates.
@Suite struct FollowUpLeadContractTests {
    let t0 = ContractTime.t0
    let day: TimeInterval = 86_400

    /// Every stored lead, whole, by id.
    func wholeLeads(_ store: any Storage) throws -> [Int64: Lead] {
        Dictionary(uniqueKeysWithValues: try store.leads().map { ($0.id, $0) })
    }

    @Test(arguments: Backend.all) func everyFollowUpRecordsLeadAndCallAreTheStoredRecordsFollowUpFields(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try FollowUpContractTests().makeVariedBook(store)
        // Calls started and ended (the varied book's are logged in one line, without an end).
        for i in 0..<3 {
            let lead = try store.createLead(Lead(org: "Ended \(i)", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
            let open = try store.startCall(Call(leadId: lead.id, outcome: nil, at: t0 + Double(i) * 600, actor: "lee"), actor: "lee")
            _ = try store.endCall(id: open.id, outcome: .voicemail, note: "left word", durationMinutes: nil, followUpDue: t0 + day,
                                  stageChange: nil, actor: "lee", at: t0 + Double(i) * 600 + 300)
        }
        let whole = try wholeLeads(store)
        var seen: [FollowUpInput] = []
        for owner in [nil, "sam", "lee", "kim", "ana"] as [String?] {
            try store.forEachFollowUpInput(before: BusinessTime.endOfDay(t0 + 4 * day), owner: owner) { seen.append($0) }
        }
        var kinds: Set<String> = []
        for input in seen {
            let lead: FollowUpLead
            switch input {
            case .requalify(let l): lead = l; kinds.insert("requalify")
            case .firstAttempt(let c): lead = c.lead; kinds.insert("first attempt")
            case .retry(let r): lead = r.lead; kinds.insert("retry")
            case .nextStep(let l, _): lead = l; kinds.insert("next step")
            }
            let stored = try #require(whole[lead.id])
            #expect(lead == FollowUpLead(stored), "lead \(lead.id) (\(input))")
            // A retry's call is the lead's latest, as the retry rule reads it.
            if case .retry(let r) = input {
                let latest = try #require(try store.calls(lead: lead.id).max { ($0.at, $0.id) < ($1.at, $1.id) })
                #expect(r.call == FollowUpCall(latest), "lead \(lead.id)")
            }
        }
        #expect(kinds == ["requalify", "first attempt", "retry", "next step"])
        #expect(seen.contains { if case .requalify(let l) = $0 { l.requalify != nil && l.mqlAt != nil } else { false } })
        #expect(seen.contains { if case .retry(let r) = $0 { r.lead.owner == nil } else { false } })
        #expect(seen.contains { if case .retry(let r) = $0 { r.call.endedAt != nil } else { false } })
        let candidates = try store.firstAttemptCandidates(stages: nil, mqlSince: nil, owner: nil)
        #expect(candidates.count > 10)
        for c in candidates { #expect(c.lead == FollowUpLead(try #require(whole[c.lead.id]))) }
    }

    @Test(arguments: Backend.all) func askedForSomeSignalKindsTheCandidatesCarryOnlyThose(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try FollowUpContractTests().makeVariedBook(store)
        let lead = try store.createLead(Lead(org: "Many signals", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
        try store.changeStage(lead: lead.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 60)
        for (i, kind) in ["webinar", "demo-request", "pricing", "demo-request"].enumerated() {
            _ = try store.addSignal(SignalEvent(leadId: lead.id, kind: kind, actor: "mkto", at: t0 + Double(i) * 10), actor: "mkto")
        }
        for (stages, owner, since) in [(nil, nil, nil), (DueList.firstAttemptStages, nil, nil), (nil, "sam", nil), (nil, nil, t0)]
            as [(Set<Stage>?, String?, Date?)] {
            let all = try store.firstAttemptCandidates(stages: stages, mqlSince: since, owner: owner)
            for kinds in [["demo-request"], ["demo-request", "pricing"], ["nothing-stored"], []] as [Set<String>] {
                let some = try store.firstAttemptCandidates(stages: stages, mqlSince: since, owner: owner, signalKinds: kinds)
                var expected = all
                for i in expected.indices { expected[i].signals.removeAll { !kinds.contains($0.kind) } }
                #expect(some == expected, "kinds \(kinds.sorted()), stages \(stages.map { $0.map(\.rawValue).sorted() } ?? []), owner \(owner ?? "-")")
            }
        }
        let demo = try store.firstAttemptCandidates(stages: nil, mqlSince: nil, owner: nil, signalKinds: ["demo-request"])
        #expect(demo.last?.signals.map(\.kind) == ["demo-request", "demo-request"])
        #expect(demo.filter { !$0.signals.isEmpty }.count > 1)
    }

    @Test(arguments: Backend.all) func reviewsReadGivesTheWholeLeadsBesideTheSameCandidates(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try FollowUpContractTests().makeVariedBook(store)
        let whole = try wholeLeads(store)
        for since in [nil, t0 - 5 * day, t0 + day] as [Date?] {
            let read = try store.mqlsWithLeads(mqlSince: since)
            let candidates = try store.firstAttemptCandidates(stages: nil, mqlSince: since, owner: nil)
            #expect(read.map(\.candidate) == candidates)
            #expect(read.map { Optional($0.lead) } == candidates.map { whole[$0.lead.id] })
            if since == nil { #expect(read.count > 10 && read.contains { !$0.candidate.signals.isEmpty }) }
        }
    }
}
