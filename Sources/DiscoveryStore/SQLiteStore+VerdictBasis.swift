import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: VerdictBasisStorage {
    public func forEachLeadWithVerdictBasis(model: String, createdSince since: Date?,
                                            _ body: (Lead, _ revision: Int64, VerdictBasis?) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            // A basis joins only when stored for the lead's revision and this model.
            let sql = """
                SELECT \(RawRows.columns(RawRows.leadColumns, of: "lead")), coalesce(r.revision, 0),
                       \(RawRows.columns(VerdictBasisRows.columns, of: "b"))
                FROM lead LEFT JOIN lead_revision r ON r.lead_id = lead.id
                LEFT JOIN verdict_basis b ON b.lead_id = lead.id AND b.model = ? AND b.revision = coalesce(r.revision, 0)
                """ + (since == nil ? "" : " WHERE lead.created_at >= ?") + " ORDER BY lead.id"
            let first = RawRows.leadColumnCount + 1
            try RawStatement(db, sql: sql).forEach([model.databaseValue] + (since.map { [$0.databaseValue] } ?? [])) { row in
                let lead = try RawRows.lead(row)
                try body(lead, row.int64(RawRows.leadColumnCount) ?? 0, try VerdictBasisRows.basis(row, from: first, lead: lead.id))
            }
        }
    }

    public func storeVerdictBases(_ bases: [StoredVerdictBasis], model: String) throws(DiscoveryError) {
        guard !bases.isEmpty else { return }
        do {
            try queue.write { db in
                let insert = try RawStatement(db, sql: """
                    INSERT OR REPLACE INTO verdict_basis (lead_id, revision, model, \(VerdictBasisRows.columns))
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM lead WHERE id = ?)
                    """)
                for stored in bases {
                    let b = stored.basis
                    try insert.execute([
                        stored.lead.databaseValue, stored.revision.databaseValue, model.databaseValue,
                        b.scores.fit.databaseValue, b.scores.intent.databaseValue, b.scores.readiness.databaseValue,
                        b.gatesMet.databaseValue, b.noTimeline.databaseValue, b.hardStop.databaseValue,
                        b.directRequest.databaseValue, b.inactivity.since.timeIntervalSinceReferenceDate.databaseValue,
                        b.inactivity.logged.databaseValue, b.latestActivity.timeIntervalSinceReferenceDate.databaseValue,
                        stored.lead.databaseValue,
                    ])
                }
            }
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }
}

/// The columns of a stored verdict basis, read by position after a lead's.
enum VerdictBasisRows {
    static let columns = """
        fit, intent, readiness, gates_met, no_timeline, hard_stop, direct_request, inactive_since, inactivity_logged, latest_activity
        """

    /// The basis in the columns from `first` on; nil when the join found none (every column NULL).
    static func basis(_ c: RawStatement.Columns, from first: Int32, lead: Int64) throws -> VerdictBasis? {
        guard let fit = c.int(first) else { return nil }
        guard let intent = c.int(first + 1), let readiness = c.int(first + 2), let since = c.double(first + 7),
              let logged = c.int(first + 8), let latest = c.double(first + 9) else {
            throw DiscoveryError.storage("verdict_basis row \(lead) is incomplete")
        }
        return VerdictBasis(scores: ScoreDelta(fit: fit, intent: intent, readiness: readiness),
                            gatesMet: c.int64(first + 3) == 1, noTimeline: c.int64(first + 4) == 1, hardStop: c.int64(first + 5) == 1,
                            directRequest: c.text(first + 6),
                            inactivity: Inactivity.Inputs(since: Date(timeIntervalSinceReferenceDate: since), logged: logged),
                            latestActivity: Date(timeIntervalSinceReferenceDate: latest))
    }
}
