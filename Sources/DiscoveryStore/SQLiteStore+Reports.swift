import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// The records the reports are computed from (the computing is in `DiscoveryCore`).
extension SQLiteStore: ReportStorage {
    /// Leads created since `since` (all when `nil`), each with the stages it has been in
    /// according to the audit log. Changes that were undone, and the undos themselves, do not count.
    public func pipelineInputs(since: Date?) throws(DiscoveryError) -> [PipelineReport.Input] {
        try read { db in
            var history: [Int64: [Stage]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lead_id, old_value, new_value FROM audit
                WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
                  AND change_id NOT IN (SELECT CAST(new_value AS INTEGER) FROM audit WHERE action = 'undo' AND new_value IS NOT NULL)
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                """) {
                let id: Int64 = row["lead_id"]
                for value in [row["old_value"], row["new_value"]] as [String?] {
                    if let stage = value.flatMap(Stage.init(rawValue:)) { history[id, default: []].append(stage) }
                }
            }
            return try leadRows(db, since: since, column: .createdAt).map { lead in
                PipelineReport.Input(stage: lead.stage, history: history[lead.id] ?? [], reachedMQL: lead.mqlAt != nil)
            }
        }
    }

    /// Every stage move in the audit log made at or after `since` (all when `nil`), oldest first;
    /// undone changes and undos left out, as for `pipelineInputs`.
    public func stageMoves(since: Date?) throws(DiscoveryError) -> [StageMove] {
        try read { db in
            let sql = """
                SELECT lead_id, old_value, new_value, at FROM audit
                WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
                  AND change_id NOT IN (SELECT CAST(new_value AS INTEGER) FROM audit WHERE action = 'undo' AND new_value IS NOT NULL)
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                """ + (since == nil ? "" : " AND at >= ?") + " ORDER BY at, id"
            let args: StatementArguments = since.map { [$0] } ?? []
            return try Row.fetchAll(db, sql: sql, arguments: args).compactMap { row in
                guard let to = (row["new_value"] as String?).flatMap(Stage.init(rawValue:)) else { return nil }
                return StageMove(leadId: row["lead_id"], from: (row["old_value"] as String?).flatMap(Stage.init(rawValue:)),
                                 to: to, at: row["at"])
            }
        }
    }

    /// Disqualified leads, moved there since `since` (all when `nil`).
    public func disqualifiedLeads(since: Date?) throws(DiscoveryError) -> [Lead] {
        try read { db in
            try leadRows(db, since: since, column: .stageChangedAt).filter { $0.stage == .disqualified }
        }
    }

    /// Finished calls made since `since` (all when `nil`), counted per SDR and outcome. An
    /// outcome this version does not know is left out, as an open call is.
    public func callCounts(since: Date?) throws(DiscoveryError) -> [CallsReport.OutcomeCount] {
        try read { db in
            let sql = "SELECT actor, outcome, count(*) AS n FROM call WHERE outcome IS NOT NULL"
                + (since == nil ? "" : " AND at >= ?") + " GROUP BY actor, outcome ORDER BY actor, outcome"
            let args: StatementArguments = since.map { [$0] } ?? []
            return try Row.fetchAll(db, sql: sql, arguments: args).compactMap { row in
                CallOutcome(rawValue: row["outcome"]).map { CallsReport.OutcomeCount(sdr: row["actor"], outcome: $0, calls: row["n"]) }
            }
        }
    }

    /// The date columns a report may filter leads on: a closed list, never user text.
    enum SinceColumn: String {
        case createdAt = "created_at"
        case stageChangedAt = "stage_changed_at"
    }

    func leadRows(_ db: Database, since: Date?, column: SinceColumn) throws -> [Lead] {
        let sql = "SELECT * FROM lead" + (since == nil ? "" : " WHERE \(column.rawValue) >= ?") + " ORDER BY id"
        let args: StatementArguments = since.map { [$0] } ?? []
        return try Array(Row.fetchCursor(db, sql: sql, arguments: args).map(Rows.lead))
    }
}
