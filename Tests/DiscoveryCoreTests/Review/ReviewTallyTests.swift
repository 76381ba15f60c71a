@testable import DiscoveryCore
import Foundation
import Testing

/// `ReviewTally` (one MQL at a time, what `report review` folds as it reads) gives the report
/// the review computed before from every input held: the reference below is that computation,
/// kept here verbatim (filter, sort, group, then each figure from the whole array).
@Suite struct ReviewTallyTests {
    enum Reference {
        static func report(_ inputs: [ReviewInput], period: ReviewReport.Period, capacity: ReviewReport.Capacity?,
                           by: ReviewDimension?) -> ReviewReport {
            let mqls = inputs.filter { period.contains($0.mqlAt) }.sorted { ($0.mqlAt, $0.leadId) < ($1.mqlAt, $1.leadId) }
            var perMonth: [String: Int] = [:]
            for input in mqls { perMonth[ReviewReport.monthKey(input.mqlAt), default: 0] += 1 }
            let first = period.from ?? mqls.first?.mqlAt
            let last = period.to ?? mqls.last?.mqlAt
            let keys = (first.flatMap { f in last.map { ReviewReport.monthKeys(from: f, to: $0) } }) ?? []
            let months = keys.map { ReviewReport.Month(month: $0, mqls: perMonth[$0] ?? 0, capacity: capacity?.perMonth) }
            var cohorts: [ReviewReport.Cohort] = []
            if let by {
                let groups = Dictionary(grouping: mqls) { $0.cohort(by) }
                cohorts = groups.map { ReviewReport.Cohort(name: $0.key, figures: figures($0.value)) }
                    .sorted { ($1.figures.mqls, $0.name) < ($0.figures.mqls, $1.name) }
            }
            let overall = figures(mqls)
            return ReviewReport(months: months, capacity: capacity, overall: overall, by: by, cohorts: cohorts,
                                findings: ReviewFinding.findings(overall: overall, months: months, capacity: capacity))
        }

        static func figures(_ inputs: [ReviewInput]) -> ReviewFigures {
            let accepted = inputs.filter(\.accepted).count
            let rejected = inputs.filter(\.rejected).count
            let reasons = inputs.flatMap(\.rejections)
            let steps: [(Stage, Stage)] = [(.mql, .sal), (.sal, .sql), (.sql, .opportunity), (.mql, .opportunity)]
            let conversions = steps.map { from, to in
                let reached = inputs.filter { $0.reachedStage(from) }
                let converted = reached.filter { $0.reachedStage(to) }.count
                return ReviewFigures.Conversion(from: from, to: to, reached: reached.count, converted: converted,
                                                rate: ReviewFigures.rate(converted, of: reached.count))
            }
            let toFirstAttempt = inputs.compactMap { i in i.firstAttemptAt.map { $0.timeIntervalSince(i.mqlAt) / 3600 } }
            let toSQL = inputs.compactMap { i in i.reachedAt(.sql).map { $0.timeIntervalSince(i.mqlAt) / 86_400 } }
            return ReviewFigures(
                mqls: inputs.count, accepted: accepted, rejected: rejected,
                acceptanceRate: ReviewFigures.rate(accepted, of: accepted + rejected),
                rejections: reasons.count,
                rejectionReasons: ReasonsReport.rows(reasons.map(\.rawValue), order: RejectionReason.allCases.map(\.rawValue)),
                conversions: conversions,
                medianHoursToFirstAttempt: ReviewFigures.median(toFirstAttempt).map(ReviewFigures.rounded),
                medianDaysToSQL: ReviewFigures.median(toSQL).map(ReviewFigures.rounded))
        }
    }

    /// Random MQLs over a few months, with ties everywhere: shared MQL moments, cohort values
    /// (empty and absent ones meaning `none`), equal cohort sizes, equal reason counts, odd
    /// and even numbers of medians' values, stages reached in and out of funnel order.
    struct Inputs {
        var rng: SeededRandom
        let base = Dates.parseDay("2026-01-01")!
        static let values: [String?] = [nil, "", "a", "b", "c", "d"]

        mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

        mutating func moment() -> Date { base + Double(int(0...120)) * 86_400 + Double(pick([0, 3600, 41_234])) }

        mutating func input(_ id: Int64) -> ReviewInput {
            let mqlAt = moment()
            var cohorts: [ReviewDimension: String] = [:]
            for d in ReviewDimension.allCases { if let v = pick(Self.values) { cohorts[d] = v } }
            var reached: [Stage: Date] = [:]
            for stage in ReviewInput.laterStages where chance(0.35) { reached[stage] = mqlAt + Double(int(0...40)) * 43_200 }
            let rejections = (0..<pick([0, 0, 0, 1, 1, 2, 3])).map { _ in pick(RejectionReason.allCases.prefix(4) + [.wrongRole]) }
            return ReviewInput(leadId: id, mqlAt: mqlAt, cohorts: cohorts, reached: reached,
                               firstAttemptAt: chance(0.6) ? mqlAt + Double(int(0...200)) * 1800 : nil, rejections: rejections)
        }

        mutating func period() -> ReviewReport.Period {
            .init(from: chance(0.5) ? moment() : nil, to: chance(0.5) ? moment() : nil)
        }
    }

    @Test(arguments: [nil] + ReviewDimension.allCases.map(Optional.some))
    func theTallyGivesTheReportComputedFromEveryInputHeld(_ by: ReviewDimension?) {
        for seed in 0..<60 as Range<UInt64> {
            var g = Inputs(rng: SeededRandom(seed: seed * 7 + 1))
            let inputs = (0..<g.int(0...80)).map { g.input(Int64($0) * 3 + 1) }
            let period = seed % 3 == 0 ? ReviewReport.Period() : g.period()
            let capacity = g.chance(0.5) ? ReviewReport.Capacity(owners: ["a", "b"], perOwnerPerMonth: g.int(1...4)) : nil
            var tally = ReviewTally(period: period, by: by)
            // In the read's order (lead id), not the MQL moment's.
            for input in inputs.shuffled(using: &g.rng) { tally.add(input) }
            let expected = Reference.report(inputs, period: period, capacity: capacity, by: by)
            #expect(tally.report(capacity: capacity) == expected, "seed \(seed)")
            #expect(ReviewReport.compute(inputs, period: period, capacity: capacity, by: by) == expected, "seed \(seed)")
            #expect(tally.mqls == expected.overall.mqls, "seed \(seed)")
            #expect(tally.owners == Set(inputs.filter { period.contains($0.mqlAt) }.compactMap { $0.cohorts[.owner] }), "seed \(seed)")
        }
    }

    /// The whole period's medians come from the cohorts' numbers when there are cohorts: the
    /// median of sorted parts walked side by side is the median of all their values together.
    @Test func theMedianOfSortedPartsIsTheMedianOfTheirValuesTogether() {
        for seed in 0..<200 as Range<UInt64> {
            var g = Inputs(rng: SeededRandom(seed: seed + 500))
            let parts = (0..<g.int(0...6)).map { _ in (0..<g.pick([0, 1, 2, 5, 9])).map { _ in Double(g.int(0...12)) / 4 }.sorted() }
            #expect(ReviewFigures.median(ofSorted: parts) == ReviewFigures.median(parts.flatMap { $0 }), "seed \(seed): \(parts)")
        }
    }

    @Test func eachCohortsFiguresAreThoseOfItsMQLsAlone() {
        for seed in 0..<40 as Range<UInt64> {
            var g = Inputs(rng: SeededRandom(seed: seed + 1000))
            let inputs = (0..<g.int(0...60)).map { g.input(Int64($0)) }
            var tally = ReviewFigures.Tally()
            for input in inputs { tally.add(input) }
            #expect(tally.figures == Reference.figures(inputs), "seed \(seed)")
        }
    }
}
