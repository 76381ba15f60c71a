import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Session {
    /// Every MQL in `period` as `report review` sees it, read from the store: the MQLs with
    /// their first attempt and signals, their stage moves and rejections and, for `--by
    /// fit-band`, their fit band under the current question sets (whole-book evaluation).
    func reviewInputs(period: ReviewReport.Period, by: ReviewDimension?) throws(DiscoveryError) -> [ReviewInput] {
        let candidates = try store.mqlsWithLeads(mqlSince: period.from)
            .filter { $0.lead.mqlAt.map(period.contains) ?? false }
        guard !candidates.isEmpty else { return [] }
        let moves = Dictionary(grouping: try store.stageMoves(since: period.from), by: \.leadId)
        let rejections = Dictionary(grouping: try store.rejections(since: period.from), by: \.leadId)
        var fitBands: [Int64: String] = [:]
        if by == .fitBand {
            let wanted = Set(candidates.map(\.lead.id))
            let catalog = try catalog
            try store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
                guard wanted.contains(record.lead.id), catalog.profile(record.lead.profile) != nil else { return }
                fitBands[record.lead.id] = try qualification(of: record, rankingQuestions: false).verdict.band(.fit)?.rawValue
            }
        }
        return candidates.compactMap { c in
            ReviewInput.make(c.lead, c.candidate, moves: moves[c.lead.id] ?? [], rejections: rejections[c.lead.id] ?? [],
                             fitBand: fitBands[c.lead.id])
        }
    }

    /// The reps the review counts capacity for: every owner `routing.yaml` names (owners and
    /// pool members, in order) or, without rules, the owners of `inputs`; `nil` when no
    /// capacity is set or there is nobody to count.
    func reviewCapacity(_ inputs: [ReviewInput]) throws(DiscoveryError) -> ReviewReport.Capacity? {
        let routing = try catalog.routing
        guard let per = routing.capacityPerOwnerPerMonth else { return nil }
        var owners: [String] = []
        let named = routing.rules.flatMap(\.target.members)
        for name in named.isEmpty ? inputs.compactMap({ $0.cohorts[.owner] }).sorted() : named where !owners.contains(name) {
            owners.append(name)
        }
        return owners.isEmpty ? nil : ReviewReport.Capacity(owners: owners, perOwnerPerMonth: per)
    }
}
