import Foundation

/// `report review` (SPEC §12): MQLs per month against capacity, acceptance, rejection reasons,
/// conversion and speed, per cohort with `--by`, and the findings the rules of thumb give.
public struct ReviewReport: Sendable, Equatable, Codable {
    public struct Month: Sendable, Equatable, Codable {
        /// `2026-03`.
        public var month: String
        public var mqls: Int
        /// Owners × the capacity per owner; null when `routing.yaml` sets no capacity.
        @NullEncoded public var capacity: Int?
    }
    public struct Cohort: Sendable, Equatable, Codable {
        public var name: String
        public var figures: ReviewFigures
    }
    /// What a period covers: its first and last day (inclusive), either open.
    public struct Period: Sendable, Equatable {
        public var from: Date?
        public var to: Date?
        public init(from: Date? = nil, to: Date? = nil) {
            self.from = from
            self.to = to
        }

        /// Whether `date` falls on or after `from` and on or before the end of `to`'s day.
        public func contains(_ date: Date) -> Bool {
            if let from, date < from { return false }
            if let to, date >= to.addingTimeInterval(86_400) { return false }
            return true
        }
    }
    /// Who the capacity is counted for, and how much each can take a month.
    public struct Capacity: Sendable, Equatable, Codable {
        public var owners: [String]
        public var perOwnerPerMonth: Int
        public var perMonth: Int { owners.count * perOwnerPerMonth }
        public init(owners: [String], perOwnerPerMonth: Int) {
            self.owners = owners
            self.perOwnerPerMonth = perOwnerPerMonth
        }
    }

    public var months: [Month]
    @NullEncoded public var capacity: Capacity?
    public var overall: ReviewFigures
    @NullEncoded public var by: ReviewDimension?
    /// One per cohort of `by`, the largest first (ties by name); empty without `by`.
    public var cohorts: [Cohort]
    public var findings: [ReviewFinding]

    /// The MQLs of `inputs` within `period`, every month from the first to the last (months
    /// without MQLs included), and the findings: the tally of each input in turn (`ReviewTally`).
    public static func compute(_ inputs: [ReviewInput], period: Period, capacity: Capacity?,
                               by: ReviewDimension?) -> ReviewReport {
        var tally = ReviewTally(period: period, by: by)
        for input in inputs { tally.add(input) }
        return tally.report(capacity: capacity)
    }

    /// `2026-03` for a moment in March 2026 (UTC).
    public static func monthKey(_ date: Date) -> String { String(Dates.day(date).prefix(7)) }

    /// Every month from `from`'s to `to`'s, in order; none when `to` is before `from`.
    static func monthKeys(from: Date, to: Date) -> [String] {
        let start = monthKey(from), end = monthKey(to)
        guard var y = Int(start.prefix(4)), var m = Int(start.suffix(2)) else { return [] }
        var keys: [String] = []
        while true {
            let key = String(format: "%04d-%02d", y, m)
            guard key <= end else { break }
            keys.append(key)
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        return keys
    }
}
