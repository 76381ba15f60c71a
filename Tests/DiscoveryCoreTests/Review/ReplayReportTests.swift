import DiscoveryCore
import Foundation
import Testing

/// `replay`: transitions, MQLs per month and the first rule that differs, from plain values.
@Suite struct ReplayReportTests {
    static let q = Fixture.qualified

    /// The fixture catalog with `capital-equipment` changed by `change`.
    static func candidate(_ change: (inout Profile) -> Void) -> (Catalog, Profile) {
        var p = Fixture.capital
        change(&p)
        return (Catalog(sets: Fixture.sets, profiles: [p, Fixture.consumables, Fixture.healthtech], signals: Fixture.signals), p)
    }

    static func input(_ record: QualificationRecord, under model: (Catalog, Profile)?) -> ReplayReport.Input {
        let now = Fixture.verdict(record)
        let then = model.map { VerdictEngine.evaluate(record, catalog: $0.0, profile: $0.1, now: Fixture.now) }
        return ReplayReport.Input(lead: record.lead, month: ReplayReport.Input.month(of: record), now: now, candidate: then,
                                  nowProfile: Fixture.capital, candidateProfile: model?.1)
    }

    @Test func theSameModelChangesNothing() {
        let same = Self.candidate { _ in }
        let r = ReplayReport.compute([Self.input(Fixture.record(Self.q, nextStep: Fixture.openStep), under: same),
                                      Self.input(Fixture.record(), under: same)])
        #expect(r.changes.isEmpty)
        #expect(r.transitions.map { "\($0.from)>\($0.to) \($0.leads)" } == ["sql-ready>sql-ready 1", "not-yet>not-yet 1"])
        #expect(r.mqlsNow == r.mqlsCandidate)
    }

    /// The candidate changes a table test applies.
    enum Change: String, CaseIterable, Sendable {
        case higherSQLFit, extraGate
        func apply(_ p: inout Profile) {
            switch self {
            case .higherSQLFit: p.sql.minFit = 40
            case .extraGate: p.sql.gates.append("security-review")
            }
        }
    }

    @Test(arguments: [
        (Change.higherSQLFit, "SQL rule: minimum fit 30 → 40 (fit 30)"),
        (Change.extraGate, "new gate security-review: not met"),
    ])
    func aStricterModelNamesTheRule(change: Change, rule: String) {
        let r = ReplayReport.compute([Self.input(Fixture.record(Self.q, nextStep: Fixture.openStep), under: Self.candidate(change.apply))])
        #expect(r.changes.map { "\($0.from) → \($0.to)" } == ["sql-ready → not-yet"])
        #expect(r.changes.map(\.firstDifference) == [rule])
        #expect(r.transitions.map { "\($0.from)>\($0.to) \($0.leads)" } == ["sql-ready>not-yet 1"])
    }

    @Test func aLowerMQLBarMovesTheMonthsCount() {
        let record = Fixture.record(Self.q, nextStep: Fixture.openStep)
        let lower = Self.candidate { $0.mql = Profile.MQLRule(minTotal: 0, minFit: 0) }
        let r = ReplayReport.compute([Self.input(record, under: lower)])
        #expect(r.mqlsNow == 0)
        #expect(r.mqlsCandidate == 1)
        #expect(r.months.map { "\($0.month) \($0.now) \($0.candidate)" } == ["2026-03 0 1"])
        #expect(r.changes.first?.firstDifference.hasPrefix("MQL rule: minimum total") == true)
    }

    @Test func aProfileTheCandidateLacksIsUnscored() {
        let r = ReplayReport.compute([Self.input(Fixture.record(Self.q), under: nil)])
        #expect(r.changes.map(\.to) == ["unscored"])
        #expect(r.changes.map(\.firstDifference) == ["profile capital-equipment is not in the candidate model"])
    }

    @Test func theMonthIsTheMQLMomentElseTheNewestActivity() {
        var record = Fixture.record(signals: ["demo-request"], createdAt: Fixture.now - 60 * Fixture.day)
        #expect(ReplayReport.Input.month(of: record) == "2026-03")
        record.lead.mqlAt = Dates.parseDay("2026-01-15")
        #expect(ReplayReport.Input.month(of: record) == "2026-01")
    }

    @Test func pointsThatDifferAreNamedWithTheirSource() {
        let lines = [ScoreLine(kind: .fit, points: 20, source: .answer(question: "fit.specialty", ask: "Specialty?", value: "ortho"))]
        var other = lines
        other[0].points = 5
        #expect(ReplayDifference.firstLineDifference(lines, other) == "fit +20 → +5 for fit.specialty \"Specialty?\" = ortho")
        #expect(ReplayDifference.firstLineDifference(lines, lines) == nil)
        #expect(ReplayDifference.firstLineDifference([], lines) == "fit +0 → +20 for fit.specialty \"Specialty?\" = ortho")
    }
}
