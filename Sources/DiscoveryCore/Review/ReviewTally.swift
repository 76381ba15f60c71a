import Foundation

/// `report review` gathered one MQL at a time (SPEC §12): each input is added as it is read
/// and only what the figures need is kept (the MQLs per month, the first and last MQL moment,
/// the figures' tallies overall and per cohort, the owners seen), so the review's memory does
/// not grow with the book beyond the two medians' numbers. `ReviewReport.compute` is this fold.
public struct ReviewTally: Sendable, Equatable {
    public let period: ReviewReport.Period
    public let by: ReviewDimension?
    var perMonth: [String: Int] = [:]
    var first: Date?
    var last: Date?
    /// With cohorts, the whole period's medians are taken over the cohorts' numbers (every
    /// MQL is in one cohort), so each MQL's numbers are kept once.
    var overall: ReviewFigures.Tally
    var cohorts: [String: ReviewFigures.Tally] = [:]
    /// The owners of the MQLs added: whom the capacity is counted for when `routing.yaml` names nobody.
    public private(set) var owners: Set<String> = []

    public init(period: ReviewReport.Period, by: ReviewDimension?) {
        self.period = period
        self.by = by
        overall = ReviewFigures.Tally(keepsNumbers: by == nil)
    }

    /// The MQLs added so far (within the period).
    public var mqls: Int { overall.mqls }

    /// Counts `input` when its MQL moment falls within the period; any order.
    public mutating func add(_ input: ReviewInput) {
        guard period.contains(input.mqlAt) else { return }
        perMonth[ReviewReport.monthKey(input.mqlAt), default: 0] += 1
        first = min(first ?? input.mqlAt, input.mqlAt)
        last = max(last ?? input.mqlAt, input.mqlAt)
        overall.add(input)
        if let by { cohorts[input.cohort(by), default: ReviewFigures.Tally()].add(input) }
        if let owner = input.cohorts[.owner] { owners.insert(owner) }
    }

    /// The report of the MQLs added: every month from the first to the last (months without
    /// MQLs included), the cohorts the largest first (ties by name), and the findings. The
    /// medians' numbers are put in order in place (more MQLs may still be added after).
    public mutating func report(capacity: ReviewReport.Capacity?) -> ReviewReport {
        let from = period.from ?? first
        let to = period.to ?? last
        let keys = (from.flatMap { f in to.map { ReviewReport.monthKeys(from: f, to: $0) } }) ?? []
        let months = keys.map { ReviewReport.Month(month: $0, mqls: perMonth[$0] ?? 0, capacity: capacity?.perMonth) }
        // Sorted where they are (the keys taken first: a live view of them would make the
        // dictionary copy its storage, and every cohort's numbers with it, on the first sort).
        for key in Array(self.cohorts.keys) { self.cohorts[key]?.sortNumbers() }
        overall.sortNumbers()
        let cohorts = by == nil ? [] : self.cohorts.map { ReviewReport.Cohort(name: $0.key, figures: $0.value.figures(numbersOf: [$0.value])) }
            .sorted { ($1.figures.mqls, $0.name) < ($0.figures.mqls, $1.name) }
        let overall = overall.figures(numbersOf: by == nil ? [overall] : Array(self.cohorts.values))
        return ReviewReport(months: months, capacity: capacity, overall: overall, by: by, cohorts: cohorts,
                            findings: ReviewFinding.findings(overall: overall, months: months, capacity: capacity))
    }
}
