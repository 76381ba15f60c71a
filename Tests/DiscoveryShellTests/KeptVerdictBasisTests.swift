import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor
import SeededRandom
import Testing
@testable import DiscoveryShell

/// `report scores` keeps each lead's verdict basis and `replay` of a threshold-only candidate
/// judges the kept ones: across random changes to a book (answers, retractions, signals, calls,
/// next steps, lead fields, stages, erasures, undo) and a clock moved back and forth over the
/// inactivity rule's months, both give exactly what evaluating every record in full gives.
@Suite struct KeptVerdictBasisTests {
    static let catalog: Catalog = {
        let base = ScoresReportTests.catalog
        var profiles = base.profiles
        profiles[0].mql = .init(minTotal: 30, minFit: 10)
        var signals = base.signals
        signals.append(SignalDefinition(id: Inactivity.signalKind, label: "Inactive", score: ScoreDelta(intent: -10)))
        return Catalog(sets: base.sets, profiles: profiles, signals: signals)
    }()

    /// What a full evaluation of every record gives, as `report scores --json` prints it.
    static func scoresByEvaluation(_ t: CallShell, since: Date? = nil) throws -> String {
        var verdicts: [Verdict] = []
        var unscored = 0
        try t.store.forEachQualificationRecord(createdSince: since, contacts: false) { record in
            guard let profile = catalog.profile(record.lead.profile) else { unscored += 1; return }
            verdicts.append(VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: t.clock.now, rankingQuestions: false))
        }
        return ReportJSON.encode(.scores, since: since, asOf: t.clock.now, ScoresReport.compute(verdicts, unscored: unscored))
    }

    /// The replay a full evaluation of every record under both models gives.
    static func replayByEvaluation(_ t: CallShell, _ candidate: Catalog) throws -> ReplayReport {
        var inputs: [ReplayReport.Input] = []
        try t.store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
            let a = catalog.profile(record.lead.profile), b = candidate.profile(record.lead.profile)
            inputs.append(ReplayReport.Input(
                lead: record.lead, month: ReplayReport.Input.month(of: record),
                now: a.map { VerdictEngine.evaluate(record, catalog: catalog, profile: $0, now: t.clock.now, rankingQuestions: false) },
                candidate: b.map { VerdictEngine.evaluate(record, catalog: candidate, profile: $0, now: t.clock.now, rankingQuestions: false) },
                nowProfile: a, candidateProfile: b))
        }
        return ReplayReport.compute(inputs)
    }

    func change(_ t: CallShell, _ g: inout SeededRandom, leads: Int64) throws {
        let lead = Int64(g.int(1...Int(leads)))
        guard try t.store.lead(id: lead) != nil else { return }   // erased by an earlier change
        let at = t.clock.now - Double(g.int(0...200)) * 86_400
        let store = t.store
        switch g.int(0...8) {
        case 0: try store.recordAnswer(lead: lead, question: "fit.facility", value: .choice(g.pick(["target", "adjacent", "outside"])),
                                       note: nil, people: [], actor: "sam", at: at)
        case 1: try store.recordAnswer(lead: lead, question: "fit.facility", value: nil, note: nil, people: [], actor: "sam", at: at)
        case 2: _ = try store.addSignal(SignalEvent(leadId: lead, kind: g.pick(["demo-request", "webinar-attended", Inactivity.signalKind]),
                                                    actor: "mkto", at: at), actor: "mkto")
        case 3: _ = try store.logCall(Call(leadId: lead, outcome: .voicemail, at: at, actor: "sam"), stageChange: nil, actor: "sam", at: at)
        case 4: _ = try store.setNextStep(lead: lead, action: .demo, note: nil, owner: "sam", due: at + 86_400, actor: "sam", at: at)
        case 5: _ = g.int(0...4) == 0
                    ? try store.updateLead(id: lead, field: .profile, value: g.pick(["capital-equipment", "consumables", "retired"]), actor: "sam", at: at)
                    : try store.updateLead(id: lead, field: .specialty, value: g.pick(["cardiology", "oncology"]), actor: "sam", at: at)
        case 6: _ = try store.changeStage(lead: lead, to: g.pick([.mql, .nurture, .new]), reason: nil, note: nil, actor: "sam", at: at)
        case 7 where g.int(0...3) == 0: _ = try? store.deleteLead(id: lead, actor: "sam", at: at)
        case 7: break
        default: _ = try? store.undo(actor: "sam", at: at)
        }
    }

    @Test(arguments: [(UInt64(1), 2_000), (2, 2_000), (3, 0), (4, 3)])
    func keptBasesGiveWhatEvaluatingEveryRecordGives(seed: UInt64, leadByLeadReads: Int) throws {
        let t = try CallShell(now: "2026-06-01T09:00:00Z", catalog: Self.catalog)
        t.session.modelVersionSource = { .local(digest: "test") }
        // 0: always the whole-book read for stale bases; 3: one by one only for a few.
        t.session.leadByLeadReads = leadByLeadReads
        var g = SeededRandom(seed: seed)
        let leads: Int64 = 24
        // Created over the past year: many past the inactivity rule's 90 days of grace.
        let start = t.clock.now
        for i in 1...leads {
            t.clock.now = start - Double(g.int(0...365)) * 86_400
            t.run("lead new 'Org \(i)'" + (i % 3 == 0 ? " --profile consumables" : ""))
        }
        t.clock.now = start
        for _ in 0..<40 { try change(t, &g, leads: leads) }
        let candidate = try Self.thresholdsMoved()
        var decayed = 0
        for step in 0..<14 {
            // Back and forth over months (and over the 90-day grace), to the second.
            t.clock.now += Double(g.int(-40...70)) * 86_400 + Double(g.int(-3...3))
            let kept = t.output("report scores --json")
            #expect(kept.code == 0, "\(kept.err)")
            #expect(kept.out == (try Self.scoresByEvaluation(t)), "step \(step)")
            // Leads created since a day: their kept bases, the rest left out.
            let day = Dates.day(start - Double(g.int(0...365)) * 86_400)
            let recent = t.output("report scores --since \(day) --json")
            #expect(recent.code == 0, "\(recent.err)")
            #expect(recent.out == (try Self.scoresByEvaluation(t, since: try #require(Dates.parseDay(day)))), "step \(step), since \(day)")
            decayed += try Self.decayedLeads(t)
            #expect(try t.session.replay(under: candidate) == (try Self.replayByEvaluation(t, candidate)), "step \(step)")
            for _ in 0..<g.int(0...4) { try change(t, &g, leads: leads) }
        }
        // The book exercised the clock: leads lost intent to the inactivity rule along the way.
        #expect(decayed > 10)
        // With nothing changed, every scored lead's basis is kept and current.
        _ = t.output("report scores")
        var stale: [Int64] = []
        try t.store.forEachLeadWithVerdictBasis(model: try #require(t.session.verdictBasisModel), createdSince: nil) { lead, _, basis in
            if basis == nil && Self.catalog.profile(lead.profile) != nil { stale.append(lead.id) }
        }
        #expect(stale.isEmpty)
    }

    /// Leads whose verdict now carries an inactivity line.
    static func decayedLeads(_ t: CallShell) throws -> Int {
        var n = 0
        try t.store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
            guard let profile = catalog.profile(record.lead.profile) else { return }
            let v = VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: t.clock.now, rankingQuestions: false)
            if v.trace.contains(where: { if case .inactivity = $0.source { true } else { false } }) { n += 1 }
        }
        return n
    }

    /// The catalog with every profile's thresholds moved: a candidate scored alike.
    static func thresholdsMoved() throws -> Catalog {
        var candidate = catalog
        for i in candidate.profiles.indices {
            candidate.profiles[i].mql = .init(minTotal: 20, minFit: 0)
            candidate.profiles[i].sql.minFit = 10
        }
        #expect(candidate.profiles.allSatisfy { VerdictEngine.scoresAlike(catalog, candidate, profile: $0.id) })
        return candidate
    }

    /// Without a name for the question sets nothing is kept: every report evaluates every record.
    @Test func setsWithoutANameKeepNothing() throws {
        let t = try CallShell(catalog: Self.catalog)
        t.run("lead new 'Mercy Regional'")
        #expect(t.session.verdictBasisModel == nil)
        _ = t.output("report scores")
        var kept = 0
        try t.store.forEachLeadWithVerdictBasis(model: "local rules \(VerdictEngine.rulesVersion)", createdSince: nil) { _, _, basis in
            if basis != nil { kept += 1 }
        }
        #expect(kept == 0)
    }
}

extension SeededRandom {
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
