import DiscoveryCore
import Foundation
import Testing

/// Determinism and explanation as properties, over records from a seeded generator.
@Suite struct VerdictPropertyTests {
    static let seeds: [UInt64] = Array(1...300)
    let now = Fixture.now

    @Test(arguments: seeds)
    func theTraceSumsToTheScoresAndTheVerdictFollowsTheOrder(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let (catalog, profile) = g.catalog(withFollowUps: true)
        let r = g.record(catalog, profile, now: now)
        let v = VerdictEngine.evaluate(r, catalog: catalog, profile: profile, now: now)
        for kind in ScoreKind.allCases {
            #expect(v.trace.filter { $0.kind == kind }.map(\.points).reduce(0, +) == v.scores[kind])
        }
        #expect(!v.trace.contains { $0.points == 0 })
        // Every met gate names what satisfies it; every missing gate says why.
        for gate in v.gates {
            #expect(gate.met ? !gate.satisfiedBy.isEmpty && gate.gaps.isEmpty : !gate.gaps.isEmpty)
        }
        let expected: VerdictKind = !v.hardStops.isEmpty ? .disqualify
            : v.scores.fit >= profile.sql.minFit && v.missingGates.isEmpty ? .sqlReady
            : v.scores.fit >= profile.sql.minFit && v.flagNames.contains("no-timeline") ? .nurture : .notYet
        #expect(v.kind == expected)
        // `stage sql` asks for exactly this: no blocker if and only if the verdict is sql-ready.
        #expect(v.sqlBlockers(minFit: profile.sql.minFit).isEmpty == (v.kind == .sqlReady))
    }

    @Test(arguments: seeds)
    func aHardStopAlwaysYieldsDisqualify(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let (catalog, profile) = g.catalog(withFollowUps: true)
        var r = g.record(catalog, profile, now: now)
        // Force a stop: answer the first applicable question that can stop so as to stop.
        let stopper = catalog.questions(for: profile).first { $0.canStop && $0.isApplicable(given: r.answers) }
        guard let q = stopper else { return }
        if let c = q.choices.first(where: { $0.stop != nil }) {
            r.answers[q.fullId] = q.type == .multi ? .multi([c.id]) : .choice(c.id)
        } else {
            r.answers[q.fullId] = q.type == .yesNo ? .yesNo(true) : g.answer(q)
        }
        let v = VerdictEngine.evaluate(r, catalog: catalog, profile: profile, now: now)
        // The new answer may make some follow-up inapplicable, but never its own question.
        if q.isApplicable(given: r.answers) {
            #expect(!v.hardStops.isEmpty)
        }
        if !v.hardStops.isEmpty {
            #expect(v.kind == .disqualify)
            let recs = Recommendations.make(v, record: r, profile: profile, user: "u", now: now)
            #expect(recs.map(\.action) == [.disqualify])
        }
    }

    @Test(arguments: seeds)
    func addingAnAnswerNeverRemovesAMetGateUnlessItChangesThatGate(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let withFollowUps = seed % 2 == 0
        let (catalog, profile) = g.catalog(withFollowUps: withFollowUps)
        let r = g.record(catalog, profile, now: now)
        let before = VerdictEngine.evaluate(r, catalog: catalog, profile: profile, now: now)
        for q in catalog.questions(for: profile) where r.answers[q.fullId] == nil {
            var added = r
            added.answers[q.fullId] = g.answer(q)
            let after = VerdictEngine.evaluate(added, catalog: catalog, profile: profile, now: now)
            for (b, a) in zip(before.gates, after.gates) where b.met && !a.met {
                // Allowed only when the new answer is to a question carrying that gate, or (SPEC §6
                // applicability) it brings into play, or takes out, a question that carries it.
                let carriers = catalog.questions(for: profile).filter { $0.carries(gate: b.name) }
                let applicabilityChanged = carriers.contains {
                    $0.isApplicable(given: r.answers) != $0.isApplicable(given: added.answers)
                }
                #expect(q.carries(gate: b.name) || applicabilityChanged,
                        "adding \(q.fullId) removed gate \(b.name) (seed \(seed))")
                if !withFollowUps { #expect(q.carries(gate: b.name)) }
            }
        }
    }

    @Test(arguments: seeds)
    func theSameInputGivesTheSameVerdictWhateverTheStorageOrder(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let (catalog, profile) = g.catalog(withFollowUps: true)
        let r = g.record(catalog, profile, now: now)
        var shuffled = r
        shuffled.signals.reverse()
        shuffled.contacts.reverse()
        let a = VerdictEngine.evaluate(r, catalog: catalog, profile: profile, now: now)
        let b = VerdictEngine.evaluate(shuffled, catalog: catalog, profile: profile, now: now)
        #expect(a == b)
        #expect(a == VerdictEngine.evaluate(r, catalog: catalog, profile: profile, now: now))
        let recs = Recommendations.make(a, record: r, profile: profile, user: "u", now: now)
        #expect(recs == Recommendations.make(a, record: r, profile: profile, user: "u", now: now))
        #expect(!recs.isEmpty)
        if r.lead.consent == .no { #expect(!recs.contains { $0.action.isOutreach }) }
    }
}
