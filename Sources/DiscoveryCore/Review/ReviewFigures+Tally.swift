import Foundation

extension ReviewFigures {
    /// The review's figures for a set of MQLs, gathered one MQL at a time: counts, the
    /// rejection reasons' counts and, for the two exact medians, one number per MQL that has
    /// one (hours to the first attempt, days to SQL). The MQLs themselves are not kept. A tally
    /// whose MQLs' numbers other tallies hold (the whole period's, when cohorts hold every MQL)
    /// need not keep them (`keepsNumbers`): its medians are then taken over theirs.
    public struct Tally: Sendable, Equatable {
        let keepsNumbers: Bool
        public private(set) var mqls = 0
        var accepted = 0
        var rejected = 0
        var rejections = 0
        var reasons: [String: Int] = [:]
        /// Per conversion step (`steps`): MQLs that reached `from`, and of those `to`.
        var reached = [Int](repeating: 0, count: steps.count)
        var converted = [Int](repeating: 0, count: steps.count)
        var hoursToFirstAttempt: [Double] = []
        var daysToSQL: [Double] = []

        /// MQL → SAL, SAL → SQL, SQL → opportunity, then MQL → opportunity overall.
        static let steps: [(from: Stage, to: Stage)] = [(.mql, .sal), (.sal, .sql), (.sql, .opportunity), (.mql, .opportunity)]

        public init() { keepsNumbers = true }

        init(keepsNumbers: Bool) { self.keepsNumbers = keepsNumbers }

        public mutating func add(_ input: ReviewInput) {
            mqls += 1
            if input.accepted { accepted += 1 }
            if input.rejected { rejected += 1 }
            rejections += input.rejections.count
            for reason in input.rejections { reasons[reason.rawValue, default: 0] += 1 }
            for (i, step) in Self.steps.enumerated() where input.reachedStage(step.from) {
                reached[i] += 1
                if input.reachedStage(step.to) { converted[i] += 1 }
            }
            guard keepsNumbers else { return }
            if let at = input.firstAttemptAt { hoursToFirstAttempt.append(at.timeIntervalSince(input.mqlAt) / 3600) }
            if let at = input.reachedAt(.sql) { daysToSQL.append(at.timeIntervalSince(input.mqlAt) / 86_400) }
        }

        /// Puts the medians' numbers in order, in place (before `figures(numbersOf:)`).
        mutating func sortNumbers() {
            hoursToFirstAttempt.sort()
            daysToSQL.sort()
        }

        public var figures: ReviewFigures {
            var sorted = self
            sorted.sortNumbers()
            return sorted.figures(numbersOf: [sorted])
        }

        /// The figures, the medians taken over the numbers of `parts` (each sorted by
        /// `sortNumbers`): this tally's own, or those of the tallies that hold its MQLs' numbers.
        func figures(numbersOf parts: [Tally]) -> ReviewFigures {
            ReviewFigures(
                mqls: mqls, accepted: accepted, rejected: rejected,
                acceptanceRate: rate(accepted, of: accepted + rejected),
                rejections: rejections,
                rejectionReasons: ReasonsReport.rows(counts: reasons, order: RejectionReason.allCases.map(\.rawValue)),
                conversions: Self.steps.indices.map { i in
                    Conversion(from: Self.steps[i].from, to: Self.steps[i].to, reached: reached[i], converted: converted[i],
                               rate: rate(converted[i], of: reached[i]))
                },
                medianHoursToFirstAttempt: median(ofSorted: parts.map(\.hoursToFirstAttempt)).map(rounded),
                medianDaysToSQL: median(ofSorted: parts.map(\.daysToSQL)).map(rounded))
        }
    }
}
