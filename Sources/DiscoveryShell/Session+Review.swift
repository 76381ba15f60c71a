import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Session {
    /// Every MQL in `period` as `report review` sees it, read from the store: the MQLs with
    /// their first attempt and signals, their stage moves and rejections and, for `--by
    /// fit-band`, their fit band under the current question sets (whole-book evaluation).
    func reviewInputs(period: ReviewReport.Period, by: ReviewDimension?) throws(DiscoveryError) -> [ReviewInput] {
        // Each MQL of the period becomes its input as it is read: the whole leads and their
        // signals are not kept (the read hands over every MQL since the period's start).
        let moves = Dictionary(grouping: try store.stageMoves(since: period.from), by: \.leadId)
        let rejections = Dictionary(grouping: try store.rejections(since: period.from), by: \.leadId)
        var inputs: [ReviewInput] = []
        try store.forEachMQLWithLead(mqlSince: period.from) { lead, candidate in
            guard lead.mqlAt.map(period.contains) ?? false,
                  let input = ReviewInput.make(lead, candidate, moves: moves[lead.id] ?? [], rejections: rejections[lead.id] ?? [])
            else { return }
            inputs.append(input)
        }
        if by == .fitBand, !inputs.isEmpty {
            let wanted = Dictionary(grouping: inputs.indices, by: { inputs[$0].leadId })
            let catalog = try catalog
            try store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
                guard let indices = wanted[record.lead.id], catalog.profile(record.lead.profile) != nil else { return }
                let band = try qualification(of: record, rankingQuestions: false).verdict.band(.fit)?.rawValue
                for i in indices { inputs[i].cohorts[.fitBand] = band }
            }
        }
        return inputs
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
