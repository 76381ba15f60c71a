import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Session {
    /// The key stored verdict bases are kept under: the scoring model in force and the engine's
    /// rules (`VerdictEngine.rulesVersion`). `nil` when the question sets have no name (given
    /// in-process): then every basis is computed from its record and none is kept.
    var verdictBasisModel: String? {
        if case .local(digest: nil) = modelVersion { return nil }
        return "\(modelVersion) rules \(VerdictEngine.rulesVersion)"
    }

    /// Every lead created since `since` (all when `nil`) with its verdict basis under the
    /// current model, `nil` when its profile is not in the question sets. Bases stored for the
    /// lead's current revision are taken as they are; the rest are computed from the leads'
    /// records and, when `keeping` (`report scores`; `replay` writes nothing), stored for next
    /// time. The leads come in id order, except that those computed afresh come last. A basis
    /// that cannot be stored (a read-only file, a busy database) is simply computed again later.
    func forEachVerdictBasis(createdSince since: Date?, keeping: Bool,
                             _ body: (Lead, VerdictBasis?) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        let catalog = try catalog
        let now = now()
        func basis(_ record: QualificationRecord) -> VerdictBasis? {
            guard let profile = catalog.profile(record.lead.profile) else { return nil }
            return VerdictBasis(VerdictEngine.score(record, catalog: catalog, profile: profile, now: now), record: record)
        }
        guard let model = verdictBasisModel else {
            try store.forEachQualificationRecord(createdSince: since, contacts: false) { try body($0.lead, basis($0)) }
            return
        }
        // Revisions are read before records: a change in between leaves a kept basis stale, never wrong.
        var stale: [(lead: Int64, revision: Int64)] = []
        try store.forEachLeadWithVerdictBasis(model: model, createdSince: since) { lead, revision, stored in
            if catalog.profile(lead.profile) == nil {
                try body(lead, nil)
            } else if let stored {
                try body(lead, stored)
            } else {
                stale.append((lead.id, revision))
            }
        }
        guard !stale.isEmpty else { return }
        var fresh: [StoredVerdictBasis] = []
        func take(_ record: QualificationRecord, revision: Int64) throws(DiscoveryError) {
            let b = basis(record)
            if let b { fresh.append(StoredVerdictBasis(lead: record.lead.id, revision: revision, basis: b)) }
            try body(record.lead, b)
        }
        if stale.count <= leadByLeadReads {
            for (lead, revision) in stale {
                // A lead erased since the first read is left out, as a later read would.
                if let record = try store.qualificationRecord(lead: lead) { try take(record, revision: revision) }
            }
        } else {
            var next = 0   // `stale` is in id order, as the book is read
            try store.forEachQualificationRecord(createdSince: since, contacts: false) { record in
                while next < stale.count && stale[next].lead < record.lead.id { next += 1 }
                guard next < stale.count, stale[next].lead == record.lead.id else { return }
                try take(record, revision: stale[next].revision)
            }
        }
        if keeping { try? store.storeVerdictBases(fresh, model: model) }
    }
}
