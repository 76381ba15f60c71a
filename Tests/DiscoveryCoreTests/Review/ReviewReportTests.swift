import DiscoveryCore
import Foundation
import Testing

/// `report review`'s figures and findings, from plain values.
@Suite struct ReviewReportTests {
    static let jan = Dates.parseDay("2026-01-05")!
    static let feb = Dates.parseDay("2026-02-10")!
    static let apr = Dates.parseDay("2026-04-01")!
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400

    static func mql(_ id: Int64, at: Date = jan, source: String? = "webinar", sal: Double? = nil, sql: Double? = nil,
                    opp: Double? = nil, attemptHours: Double? = nil, rejected: [RejectionReason] = []) -> ReviewInput {
        var reached: [Stage: Date] = [:]
        if let sal { reached[.sal] = at + sal * day }
        if let sql { reached[.sql] = at + sql * day }
        if let opp { reached[.opportunity] = at + opp * day }
        return ReviewInput(leadId: id, mqlAt: at, cohorts: [.source: source ?? ""], reached: reached,
                           firstAttemptAt: attemptHours.map { at + $0 * hour }, rejections: rejected)
    }

    @Test func acceptanceIsOfTheDecidedMQLsAndAnSQLWithoutSALCountsAsAccepted() {
        let f = ReviewFigures.compute([
            Self.mql(1, sal: 1), Self.mql(2, sql: 2), Self.mql(3, rejected: [.wrongRole]), Self.mql(4),
        ])
        #expect(f.mqls == 4)
        #expect(f.accepted == 2)
        #expect(f.rejected == 1)
        #expect(f.acceptanceRate == 0.6667)
    }

    @Test(arguments: [
        // (inputs' stages reached, expected [reached, converted] of mql→sal, sal→sql, sql→opp, mql→opp)
        ([[Double?]](), [[0, 0], [0, 0], [0, 0], [0, 0]]),
        ([[1, nil, nil], [1, 3, nil], [1, 3, 9], [nil, nil, nil]], [[4, 3], [3, 2], [2, 1], [4, 1]]),
        ([[nil, nil, 9]], [[1, 1], [1, 1], [1, 1], [1, 1]]),
    ] as [([[Double?]], [[Int]])])
    func conversionFollowsTheFunnel(stages: [[Double?]], expected: [[Int]]) {
        let inputs = stages.enumerated().map { i, s in Self.mql(Int64(i), sal: s[0], sql: s[1], opp: s[2]) }
        let f = ReviewFigures.compute(inputs)
        #expect(f.conversions.map { [$0.reached, $0.converted] } == expected)
        #expect(f.conversions.map { "\($0.from.rawValue)>\($0.to.rawValue)" } == ["mql>sal", "sal>sql", "sql>opportunity", "mql>opportunity"])
    }

    @Test(arguments: [
        ([Double](), nil), ([5], 5), ([1, 9, 3], 3), ([1, 2, 3, 10], 2.5),
    ] as [([Double], Double?)])
    func medianTakesTheMiddle(values: [Double], expected: Double?) {
        #expect(ReviewFigures.median(values) == expected)
    }

    @Test func mediansAreInHoursToTheFirstAttemptAndDaysToSQL() {
        let f = ReviewFigures.compute([Self.mql(1, sql: 10, attemptHours: 2), Self.mql(2, sql: 20, attemptHours: 4), Self.mql(3)])
        #expect(f.medianHoursToFirstAttempt == 3)
        #expect(f.medianDaysToSQL == 15)
    }

    @Test func monthsRunFromFirstToLastWithEmptyMonthsAndTheirCapacity() {
        let r = ReviewReport.compute([Self.mql(1, at: Self.jan), Self.mql(2, at: Self.apr), Self.mql(3, at: Self.apr)],
                                     period: .init(), capacity: .init(owners: ["lee", "sam"], perOwnerPerMonth: 1), by: nil)
        #expect(r.months.map(\.month) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        #expect(r.months.map(\.mqls) == [1, 0, 0, 2])
        #expect(r.months.map(\.capacity) == [2, 2, 2, 2])
        #expect(r.findings == [])
    }

    @Test func thePeriodKeepsTheMQLsOfItsDaysBothEndsIncluded() {
        let period = ReviewReport.Period(from: Dates.parseDay("2026-02-10"), to: Dates.parseDay("2026-04-01"))
        let r = ReviewReport.compute([Self.mql(1, at: Self.jan), Self.mql(2, at: Self.feb), Self.mql(3, at: Self.apr + 23 * Self.hour),
                                      Self.mql(4, at: Self.apr + Self.day)], period: period, capacity: nil, by: nil)
        #expect(r.overall.mqls == 2)
        #expect(r.months.map(\.month) == ["2026-02", "2026-03", "2026-04"])
        #expect(r.months.allSatisfy { $0.capacity == nil })
    }

    @Test func cohortsAreLargestFirstWithNoneForAMissingValue() {
        let r = ReviewReport.compute([Self.mql(1, source: "webinar", sal: 1), Self.mql(2, source: "download"),
                                      Self.mql(3, source: "webinar"), Self.mql(4, source: nil)],
                                     period: .init(), capacity: nil, by: .source)
        #expect(r.cohorts.map(\.name) == ["webinar", "download", "none"])
        #expect(r.cohorts.map(\.figures.mqls) == [2, 1, 1])
        #expect(r.cohorts[0].figures.accepted == 1)
    }

    @Test func everyRuleOfThumbGivesAFindingThatQuotesItsNumbers() {
        let inputs = [Self.mql(1, sal: 1), Self.mql(2, rejected: [.disqualification(.wrongOrgType)]),
                      Self.mql(3, rejected: [.disqualification(.wrongOrgType)]), Self.mql(4, rejected: [.wrongRole])]
        let r = ReviewReport.compute(inputs, period: .init(), capacity: .init(owners: ["lee"], perOwnerPerMonth: 3), by: nil)
        #expect(r.findings.map(\.rule) == [.lowAcceptance, .dominantRejection, .dominantRejection, .overCapacity])
        #expect(r.findings[0].message == "sales accepted 25% of the MQLs they decided on (1 of 4), below 50 %: the MQL threshold is likely too low; raise it")
        #expect(r.findings[1].message == "wrong-org-type is 67% of the rejections (2 of 3), above 30 %: adjust fit scoring (wrong-org-type)")
        #expect(r.findings[2].message.hasPrefix("wrong-role is 33% of the rejections (1 of 3)"))
        #expect(r.findings[3].message == "1 of 1 month above the capacity of 3 MQLs (1 owner × 3): 2026-01 (4); raise the MQL threshold or add reps")
        #expect(r.findings.allSatisfy { $0.ruleOfThumb == $0.rule.ruleOfThumb })
    }

    @Test(arguments: [(50, 15, false), (49, 16, true)] as [(Int, Int, Bool)])
    func theThresholdsAreStrict(accepted: Int, noBudget: Int, fires: Bool) {
        // 100 decided MQLs; of the 50 or 51 rejections, `noBudget` no-budget (30 % of 50, or 31 % of 51).
        var inputs: [ReviewInput] = (0..<accepted).map { Self.mql(Int64($0), sal: 1) }
        for i in 0..<(100 - accepted) {
            let reason: RejectionReason = i < noBudget ? .disqualification(.noBudget) : RejectionReason.allCases[i % 4]
            inputs.append(Self.mql(Int64(1000 + i), rejected: [reason]))
        }
        let r = ReviewReport.compute(inputs, period: .init(), capacity: nil, by: nil)
        #expect(r.findings.contains { $0.rule == .lowAcceptance } == fires)
        #expect(r.findings.contains { $0.rule == .dominantRejection && $0.message.hasPrefix("no-budget") } == fires)
    }
}
