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
            // Read through a cursor: the book's stage moves are kept as stages, not as rows.
            let moves = try Row.fetchCursor(db, sql: """
                SELECT lead_id, old_value, new_value FROM audit
                WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
                  AND change_id NOT IN (SELECT CAST(new_value AS INTEGER) FROM audit WHERE action = 'undo' AND new_value IS NOT NULL)
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                """)
            while let row = try moves.next() {
                let id: Int64 = row["lead_id"]
                for value in [row["old_value"], row["new_value"]] as [String?] {
                    if let stage = value.flatMap(Stage.init(rawValue:)) { history[id, default: []].append(stage) }
                }
            }
            var inputs: [PipelineReport.Input] = []
            try forEachLeadRow(db, since: since, column: .createdAt) { lead in
                inputs.append(PipelineReport.Input(stage: lead.stage, history: history[lead.id] ?? [], reachedMQL: lead.mqlAt != nil))
            }
            return inputs
        }
    }

    /// Every stage move in the audit log made at or after `since` (all when `nil`), oldest first;
    /// undone changes and undos left out, as for `pipelineInputs`.
    public func stageMoves(since: Date?) throws(DiscoveryError) -> [StageMove] {
        try read { db in
            let sql = Self.stageMovesSQL(since: since) + " ORDER BY at, id"
            let args: StatementArguments = since.map { [$0] } ?? []
            // Decoded one row at a time from the cursor (the moves are kept, the rows are not).
            var moves: [StageMove] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: args)
            while let row = try rows.next() {
                guard let to = (row["new_value"] as String?).flatMap(Stage.init(rawValue:)) else { continue }
                moves.append(StageMove(leadId: row["lead_id"], from: (row["old_value"] as String?).flatMap(Stage.init(rawValue:)),
                                       to: to, at: row["at"]))
            }
            return moves
        }
    }

    /// The stage moves' query, without its order: `lead_id, old_value, new_value, at` of each
    /// move at or after `since` (one `?` when given), undone changes and undos left out.
    static func stageMovesSQL(since: Date?) -> String {
        """
        SELECT lead_id, old_value, new_value, at FROM audit
        WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
          AND change_id NOT IN (SELECT CAST(new_value AS INTEGER) FROM audit WHERE action = 'undo' AND new_value IS NOT NULL)
          AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
        """ + (since == nil ? "" : " AND at >= ?")
    }

    /// Disqualified leads, moved there since `since` (all when `nil`).
    public func disqualifiedLeads(since: Date?) throws(DiscoveryError) -> [Lead] {
        try read { db in
            var leads: [Lead] = []
            try forEachLeadRow(db, since: since, column: .stageChangedAt) { if $0.stage == .disqualified { leads.append($0) } }
            return leads
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

    /// Each lead (since `since` on `column`, all when `nil`) in id order, decoded one at a time
    /// from the cursor: a report keeps what it reads of them, not the whole book's leads.
    func forEachLeadRow(_ db: Database, since: Date?, column: SinceColumn, _ body: (Lead) throws -> Void) throws {
        let sql = "SELECT * FROM lead" + (since == nil ? "" : " WHERE \(column.rawValue) >= ?") + " ORDER BY id"
        let args: StatementArguments = since.map { [$0] } ?? []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: args)
        while let row = try rows.next() { try body(try Rows.lead(row)) }
    }
}
