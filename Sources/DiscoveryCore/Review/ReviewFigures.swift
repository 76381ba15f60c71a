import Foundation

/// The review's figures for one set of MQLs (the whole period, or one cohort).
public struct ReviewFigures: Sendable, Equatable, Codable {
    public struct Conversion: Sendable, Equatable, Codable {
        public var from: Stage
        public var to: Stage
        /// MQLs that reached `from`.
        public var reached: Int
        /// Of those, the MQLs that reached `to` (or a later funnel stage).
        public var converted: Int
        /// `converted / reached`; null when none reached `from`.
        @NullEncoded public var rate: Double?
    }

    public var mqls: Int
    /// Accepted by sales (reached `sal` or beyond).
    public var accepted: Int
    /// Sent back by sales and not accepted since.
    public var rejected: Int
    /// `accepted / (accepted + rejected)`: of the MQLs sales decided on; null when none yet.
    @NullEncoded public var acceptanceRate: Double?
    /// Every rejection (an MQL rejected twice counts twice), the most frequent reason first.
    public var rejections: Int
    public var rejectionReasons: [ReasonsReport.Row]
    /// MQL → SAL, SAL → SQL, SQL → opportunity, then MQL → opportunity overall.
    public var conversions: [Conversion]
    /// Median hours from MQL to the first call; null when no MQL has had one.
    @NullEncoded public var medianHoursToFirstAttempt: Double?
    /// Median days from MQL to SQL; null when no MQL has reached SQL.
    @NullEncoded public var medianDaysToSQL: Double?

    /// The figures of `inputs`: the tally of each in turn (`Tally`, the one definition).
    public static func compute(_ inputs: [ReviewInput]) -> ReviewFigures {
        var tally = Tally()
        for input in inputs { tally.add(input) }
        return tally.figures
    }

    /// `part / whole`, rounded; nil when `whole` is 0.
    static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Ratio.round(Double(part) / Double(whole))
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    public static func median(_ values: [Double]) -> Double? { median(ofSorted: [values.sorted()]) }

    /// The median of all the values of `parts`, each already in increasing order, without
    /// putting them together: the middle ones are found by walking the parts side by side.
    static func median(ofSorted parts: [[Double]]) -> Double? {
        let count = parts.reduce(0) { $0 + $1.count }
        guard count > 0 else { return nil }
        if parts.count == 1 {
            let sorted = parts[0], mid = count / 2
            return count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
        // The values of rank (count - 1) / 2 and count / 2 (the same one for an odd count).
        var next = [Int](repeating: 0, count: parts.count)
        var lower = 0.0
        for rank in 0...(count / 2) {
            var pick = -1
            for p in parts.indices where next[p] < parts[p].count {
                if pick < 0 || parts[p][next[p]] < parts[pick][next[pick]] { pick = p }
            }
            let value = parts[pick][next[pick]]
            next[pick] += 1
            if rank == (count - 1) / 2 { lower = value }
            if rank == count / 2 { return count % 2 == 1 ? value : (lower + value) / 2 }
        }
        return nil
    }

    /// To a tenth, so that the text and the JSON agree and stay stable.
    static func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
