import DiscoveryCore
import Foundation
import Testing

/// A kept verdict basis stands in for the full evaluation: whatever clock it was computed at,
/// its standing at any instant is the verdict's standing then — and replays judge it by a
/// candidate's thresholds as a full evaluation under the candidate would.
@Suite struct VerdictBasisTests {
    let now = Fixture.now

    /// A generated record with what the inactivity rule reads: calls, a last answer, months
    /// logged by hand, and a catalog that sometimes prices those months itself.
    func sample(_ seed: UInt64) -> (Catalog, Profile, QualificationRecord, RecordGenerator) {
        var g = RecordGenerator(seed: seed)
        var (catalog, profile) = g.catalog(withFollowUps: true)
        if g.chance(0.5) {
            catalog.signals.append(SignalDefinition(id: Inactivity.signalKind, label: "Inactive", score: ScoreDelta(intent: -g.int(0...15))))
        }
        var record = g.record(catalog, profile, now: now)
        for i in 0..<g.int(0...2) {
            record.signals.append(SignalEvent(id: Int64(10 + i), leadId: 1, kind: Inactivity.signalKind, actor: "m",
                                              at: now - Double(g.int(0...400)) * 86_400))
        }
        record.calls = (0..<g.int(0...2)).map { i in
            Call(id: Int64(i + 1), leadId: 1, outcome: .noAnswer, at: now - Double(g.int(0...500)) * 86_400 - Double(g.int(0...86_399)), actor: "s")
        }
        if g.chance(0.5) { record.lastAnswerAt = now - Double(g.int(0...500)) * 86_400 - Double(g.int(0...86_399)) }
        return (catalog, profile, record, g)
    }

    @Test(arguments: Array(UInt64(1)...300))
    func aBasisGivesTheVerdictsStandingAtAnyInstant(seed: UInt64) {
        var (catalog, profile, record, g) = sample(seed)
        let computedAt = now - Double(g.int(0...400)) * 86_400
        let basis = VerdictBasis(VerdictEngine.score(record, catalog: catalog, profile: profile, now: computedAt), record: record)
        // Instants on both sides of the inactivity rule's month boundaries, to the second.
        for _ in 0..<12 {
            let at = now + Double(g.int(-400...600)) * 86_400 + Double(g.int(-2...2))
            let full = VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: at)
            #expect(VerdictEngine.standing(basis, catalog: catalog, profile: profile, now: at) == full.standing)
        }
        #expect(basis.latestActivity == ([record.lead.createdAt, record.lastAnswerAt].compactMap { $0 }
                                          + record.signals.map(\.at) + record.calls.map(\.at)).max())
    }

    @Test(arguments: Array(UInt64(1)...100))
    func aBasisJudgedByACandidatesThresholdsIsTheCandidatesVerdict(seed: UInt64) {
        var (catalog, profile, record, g) = sample(seed)
        var moved = profile
        moved.mql = .init(minTotal: g.int(0...90), minFit: g.int(0...40))
        moved.sql.minFit = g.int(0...40)
        var candidate = catalog
        candidate.profiles = [moved]
        let basis = VerdictBasis(VerdictEngine.score(record, catalog: catalog, profile: profile, now: now), record: record)
        #expect(VerdictEngine.standing(basis, catalog: candidate, profile: moved, now: now)
                    == VerdictEngine.evaluate(record, catalog: candidate, profile: moved, now: now).standing)
    }

    /// The verdicts of a seeded book, pinned to `VerdictEngine.rulesVersion`: kept bases are
    /// keyed by that number, so a change to the engine that changes a verdict must raise it.
    @Test func theEnginesVerdictsArePinnedToItsRulesVersion() {
        var lines: [String] = []
        for seed in UInt64(1)...400 {
            let (catalog, profile, record, _) = sample(seed)
            let v = VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: now).standing
            lines.append("\(v.kind.rawValue) \(v.mql) \(v.scores.fit) \(v.scores.intent) \(v.scores.readiness) \(v.mqlReason)")
        }
        // FNV-1a over the lines: stable across runs and platforms (unlike `Hasher`).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lines.joined(separator: "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let pinned: [Int: String] = [1: "5dbbc0b0c9b8ef07"]
        #expect(pinned[VerdictEngine.rulesVersion] == String(hash, radix: 16),
                "the engine's verdicts changed: raise VerdictEngine.rulesVersion and pin the new digest beside it")
    }
}
