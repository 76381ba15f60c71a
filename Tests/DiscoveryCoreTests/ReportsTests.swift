import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct ReportsTests {
    func lead(_ id: Int64, _ stage: Stage, reason: ReasonCode? = nil, owner: String? = "sam", mql: String? = nil) -> Lead {
        Lead(id: id, org: "Org \(id)", profile: "p", owner: owner, stage: stage, stageReason: reason,
             createdAt: utc("2026-02-01T00:00:00Z"), mqlAt: mql.map(utc))
    }

    @Test func pipelineCountsStagesAndConvertsByFurthestStageReached() {
        let r = PipelineReport.compute([
            .init(stage: .new, history: [], reachedMQL: false),
            .init(stage: .mql, history: [.new], reachedMQL: true),
            .init(stage: .opportunity, history: [], reachedMQL: true),            // implies new..sql
            .init(stage: .disqualified, history: [.new, .mql, .sal], reachedMQL: true),
            .init(stage: .nurture, history: [.new], reachedMQL: false),
        ])
        #expect(r.total == 5)
        #expect(r.stages.first { $0.stage == .mql }?.leads == 1)
        #expect(r.stages.map(\.stage) == Stage.allCases)
        #expect(r.conversions.map { "\($0.from.rawValue)>\($0.to.rawValue) \($0.converted)/\($0.reached)" } == [
            "new>mql 3/5", "mql>sal 2/3", "sal>sql 1/2", "sql>opportunity 1/1",
        ])
        #expect(r.conversions[1].rate == 0.6667)
        #expect(PipelineReport.compute([]).conversions.allSatisfy { $0.rate == nil })
    }

    @Test func reasonsCountAndShareMostFrequentFirst() {
        let r = ReasonsReport.compute([
            lead(1, .disqualified, reason: .wrongGeography), lead(2, .disqualified, reason: .noBudget),
            lead(3, .disqualified, reason: .noBudget), lead(4, .disqualified), lead(5, .nurture),
        ])
        #expect(r.total == 4)
        #expect(r.reasons.map(\.reason) == ["no-budget", "wrong-geography", "unspecified"])
        #expect(r.reasons.map(\.leads) == [2, 1, 1])
        #expect(r.reasons.map(\.share) == [0.5, 0.25, 0.25])
    }

    @Test func slaPerOwnerWithComplianceAndNoConsentLeftOut() {
        let now = utc("2026-03-03T10:00:00Z")
        var noConsent = lead(5, .mql, mql: "2026-02-02T09:00:00Z")
        noConsent.consent = .no
        let r = SLAReport.compute([
            FirstAttemptCandidate(lead: FollowUpLead(lead(1, .mql, mql: "2026-03-02T09:00:00Z")), firstAttempt: utc("2026-03-02T10:00:00Z"), signals: []),
            FirstAttemptCandidate(lead: FollowUpLead(lead(2, .mql, mql: "2026-02-26T09:00:00Z")), firstAttempt: utc("2026-03-02T10:00:00Z"), signals: []),
            FirstAttemptCandidate(lead: FollowUpLead(lead(3, .mql, owner: "ana", mql: "2026-03-03T08:00:00Z")), firstAttempt: nil, signals: []),
            FirstAttemptCandidate(lead: FollowUpLead(lead(4, .mql, owner: nil, mql: "2026-03-02T09:00:00Z")), firstAttempt: nil, signals: []),
            FirstAttemptCandidate(lead: FollowUpLead(noConsent), firstAttempt: nil, signals: []),
            FirstAttemptCandidate(lead: FollowUpLead(lead(6, .new)), firstAttempt: nil, signals: []),
        ], highPriority: [], now: now)
        #expect(r.owners.map(\.owner) == ["(none)", "ana", "sam"])
        #expect(r.owners.map { [$0.met, $0.due, $0.open, $0.breached] } == [[0, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 1]])
        #expect(r.owners.map(\.compliance) == [0, nil, 0.5])
        #expect(r.total.compliance == 0.3333)
        #expect(r.excludedNoConsent == 1)
    }

    @Test func callsPerOutcomePerSDRWithConnectRate() {
        func call(_ by: String, _ o: CallOutcome?) -> Call { Call(leadId: 1, outcome: o, at: utc("2026-03-02T09:00:00Z"), actor: by) }
        let r = CallsReport.compute([call("sam", .voicemail), call("sam", .connected), call("sam", .notInterested),
                                     call("ana", .busy), call("ana", nil)])
        #expect(r.sdrs.map(\.sdr) == ["ana", "sam"])
        #expect(r.sdrs[1].outcomes["voicemail"] == 1 && r.sdrs[1].outcomes["busy"] == 0)
        #expect(r.sdrs[1].connectRate == 0.6667)
        #expect(r.sdrs[0].calls == 1)             // the open call is not counted
        #expect(r.sdrs[0].connectRate == 0)
        #expect(r.total.calls == 4 && r.total.connected == 2 && r.total.connectRate == 0.5)
    }

    @Test func scoreBucketsAndMedian() {
        func verdict(_ fit: Int) -> Verdict {
            Verdict(leadId: 1, profile: "p", kind: .notYet, mql: false, mqlReason: "", scores: ScoreDelta(fit: fit),
                    bands: [:], gates: [], hardStops: [], flags: [], trace: [], askNext: [])
        }
        let r = ScoresReport.compute([verdict(-5), verdict(0), verdict(19), verdict(20), verdict(95)])
        let fit = r.profiles[0].scores[0]
        #expect(fit.buckets.map(\.range) == ["<0", "0-19", "20-39", "40-59", "60-79", "80+"])
        #expect(fit.buckets.map(\.leads) == [1, 2, 1, 0, 0, 1])
        #expect(fit.min == -5 && fit.median == 19 && fit.max == 95)
        #expect(r.profiles[0].verdicts == ["sql-ready": 0, "not-yet": 5, "nurture": 0, "disqualify": 0])
    }

    /// The report is built from per-profile histograms, not the list of verdicts: its median,
    /// extremes and buckets are those of the sorted scores, with repeated values and even counts.
    @Test func theHistogramGivesTheSortedListsMedianAndBuckets() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let fits = (0..<Int.random(in: 1...40, using: &rng)).map { _ in Int.random(in: -30...110, using: &rng) }
            let verdicts = fits.map {
                Verdict(leadId: 1, profile: "p", kind: .notYet, mql: false, mqlReason: "", scores: ScoreDelta(fit: $0),
                        bands: [.fit: $0 >= 40 ? .high : .low], gates: [], hardStops: [], flags: [], trace: [], askNext: [])
            }
            let fit = ScoresReport.compute(verdicts).profiles[0].scores[0]
            let sorted = fits.sorted()
            #expect(fit.median == sorted[(sorted.count - 1) / 2], "\(sorted)")
            #expect(fit.min == sorted.first && fit.max == sorted.last)
            #expect(fit.buckets.map(\.leads).reduce(0, +) == fits.count)
            #expect(fit.buckets[0].leads == fits.filter { $0 < 0 }.count)
            #expect(fit.bands["high", default: 0] == fits.filter { $0 >= 40 }.count)
        }
    }
}
