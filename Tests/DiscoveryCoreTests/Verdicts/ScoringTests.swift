import DiscoveryCore
import Foundation
import Testing

/// A verdict is a scoring judged by the profile's thresholds; a candidate model that moves only
/// thresholds scores every lead alike, so judging the current scoring under its profile gives
/// exactly the verdict a full evaluation under the candidate gives.
@Suite struct ScoringTests {
    let now = Fixture.now

    @Test(arguments: Array(UInt64(1)...200))
    func aThresholdOnlyCandidateJudgesTheSameScoringAsAFullEvaluation(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let (catalog, profile) = g.catalog(withFollowUps: true)
        let record = g.record(catalog, profile, now: now)
        var moved = profile
        moved.mql = .init(minTotal: g.int(0...90), minFit: g.int(0...40))
        moved.sql.minFit = g.int(0...40)
        moved.bands = [.fit: Band(mid: g.int(0...20), high: g.int(21...60)), .intent: Band(mid: g.int(0...30), high: g.int(31...70))]
        var candidate = catalog
        candidate.profiles = [moved]

        #expect(VerdictEngine.scoresAlike(catalog, candidate, profile: profile.id))
        let scoring = VerdictEngine.score(record, catalog: catalog, profile: profile, now: now)
        #expect(VerdictEngine.judge(scoring, profile: profile) == VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: now))
        #expect(VerdictEngine.judge(scoring, profile: moved) == VerdictEngine.evaluate(record, catalog: candidate, profile: moved, now: now))
    }

    /// The whole-book reads that only judge verdicts leave contacts out: the engine never reads them.
    @Test(arguments: Array(UInt64(1)...200))
    func theVerdictDoesNotDependOnContacts(seed: UInt64) {
        var g = RecordGenerator(seed: seed)
        let (catalog, profile) = g.catalog(withFollowUps: true)
        let record = g.record(catalog, profile, now: now)
        var withoutContacts = record
        withoutContacts.contacts = []
        #expect(VerdictEngine.evaluate(withoutContacts, catalog: catalog, profile: profile, now: now)
                    == VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: now))
    }

    @Test func aCandidateThatChangesWhatScoresIsNotAlike() {
        var g = RecordGenerator(seed: 7)
        let (catalog, profile) = g.catalog(withFollowUps: false)
        #expect(VerdictEngine.scoresAlike(catalog, catalog, profile: profile.id))

        var points = catalog
        points.sets[0].questions[0].score.fit += 5
        #expect(!VerdictEngine.scoresAlike(catalog, points, profile: profile.id))

        var signal = catalog
        signal.signals[1].score.intent += 1
        #expect(!VerdictEngine.scoresAlike(catalog, signal, profile: profile.id))

        var gates = catalog
        gates.profiles[0].sql.gates.append("budget")
        #expect(!VerdictEngine.scoresAlike(catalog, gates, profile: profile.id))

        var sets = catalog
        sets.profiles[0].sets.removeLast()
        #expect(!VerdictEngine.scoresAlike(catalog, sets, profile: profile.id))

        #expect(!VerdictEngine.scoresAlike(catalog, catalog, profile: "no-such-profile"))
    }
}
