import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Session {
    /// `report review` of `period` (SPEC §12): each MQL folded into the tally as it is read,
    /// so the review holds its counts and the medians' numbers, not the MQLs.
    func review(period: ReviewReport.Period, by: ReviewDimension?) throws(DiscoveryError) -> ReviewReport {
        var tally = ReviewTally(period: period, by: by)
        try forEachReviewInput(period: period, by: by) { tally.add($0) }
        return tally.report(capacity: try reviewCapacity(owners: tally.owners))
    }

    /// Calls `body` with every MQL in `period` as `report review` sees it, in lead id order:
    /// made from the MQL, its first attempt and signals, its stage moves and rejections as the
    /// store hands them over together and, for `--by fit-band`, its fit band under the current
    /// question sets (`reviewFitBands`).
    func forEachReviewInput(period: ReviewReport.Period, by: ReviewDimension?,
                            _ body: (ReviewInput) throws -> Void) throws(DiscoveryError) {
        let bands = by == .fitBand ? try reviewFitBands(period: period) : nil
        try store.forEachReviewMQL(mqlSince: period.from) { lead, candidate, moves, rejections in
            guard lead.mqlAt.map(period.contains) ?? false,
                  let input = ReviewInput.make(lead, candidate, moves: moves, rejections: rejections,
                                               fitBand: bands?.band(of: lead.id)?.rawValue)
            else { return }
            try body(input)
        }
    }

    /// The fit band of each MQL of `period`, from the whole-book evaluation. Read before the
    /// MQLs (one read cannot run inside another), so the bands are held meanwhile, compactly
    /// (`LeadBands`: nine bytes an MQL of the period, nothing for the other leads).
    func reviewFitBands(period: ReviewReport.Period) throws(DiscoveryError) -> LeadBands {
        var bands = LeadBands()
        let catalog = try catalog
        try store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
            guard record.lead.mqlAt.map(period.contains) ?? false, catalog.profile(record.lead.profile) != nil,
                  let band = try qualification(of: record, rankingQuestions: false).verdict.band(.fit)
            else { return }
            bands.set(record.lead.id, band)
        }
        bands.seal()
        return bands
    }

    /// The reps the review counts capacity for: every owner `routing.yaml` names (owners and
    /// pool members, in order) or, without rules, the MQLs' `owners` in order; `nil` when no
    /// capacity is set or there is nobody to count.
    func reviewCapacity(owners seen: Set<String>) throws(DiscoveryError) -> ReviewReport.Capacity? {
        let routing = try catalog.routing
        guard let per = routing.capacityPerOwnerPerMonth else { return nil }
        var owners: [String] = []
        let named = routing.rules.flatMap(\.target.members)
        for name in named.isEmpty ? seen.sorted() : named where !owners.contains(name) {
            owners.append(name)
        }
        return owners.isEmpty ? nil : ReviewReport.Capacity(owners: owners, perOwnerPerMonth: per)
    }
}
