import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: AuditStorage {
    public func audit(lead: Int64?, limit: Int?) throws(DiscoveryError) -> [AuditEntry] {
        try statement { s in
            var args: [SQLValue] = []
            var sql = "SELECT * FROM audit"
            if let lead { args.append(.i(lead)); sql += " WHERE lead_id = $1" }
            sql += " ORDER BY id DESC"
            if let limit { args.append(.i(limit)); sql += " LIMIT $\(args.count)" }
            return try s.rows(sql, values: args).map(RecordRows.auditEntry).reversed()
        }
    }

    /// The rows are read whole (one statement), then handed out (a PostgreSQL book is read for correctness here).
    public func forEachAuditEntry(lead: Int64?, _ body: (AuditEntry) throws -> Void) throws(DiscoveryError) {
        try statement { s in
            let rows = try lead.map { try s.rows("SELECT * FROM audit WHERE lead_id = $1 ORDER BY id", .i($0)) }
                ?? s.rows("SELECT * FROM audit ORDER BY id")
            for row in rows { try body(try RecordRows.auditEntry(row)) }
        }
    }

    /// Undo takes a transaction-wide lock of its own, so two teammates' undos never pick the same change.
    public func undo(actor: String, at: Date) throws(DiscoveryError) -> UndoResult {
        try change(actor: actor, at: at) { s, audit in
            try s.exec("SELECT pg_advisory_xact_lock(715000002)")
            guard let changeId = try s.one("""
                SELECT max(change_id) AS c FROM audit
                WHERE actor = $1
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                  AND change_id NOT IN (SELECT entity_id FROM audit WHERE action = 'undo' AND entity = 'change' AND entity_id IS NOT NULL)
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE entity = 'model')
                """, .t(actor))?.int64("c") else {
                throw DiscoveryError.failed("nothing to undo")
            }
            let entries = try s.rows("SELECT * FROM audit WHERE change_id = $1 ORDER BY id DESC", .i(changeId))
                .map(RecordRows.auditEntry)
            let steps = try UndoPlan.steps(reverting: entries)
            if let newer = UndoPlan.newerTeammateEntry(reverting: entries, actor: actor,
                                                       later: try laterEntries(s, after: changeId, touching: entries)) {
                throw UndoPlan.refusal(reverting: changeId, newer: newer)
            }
            for (step, _) in steps {
                try carryOut(step, s: s, audit: audit)
            }
            // The reverted change's id is kept in entity_id, which erasure never blanks.
            try audit.record(lead: entries.first?.leadId, action: .undo, entity: "change", entityId: changeId, new: String(changeId))
            return UndoResult(changeId: changeId, leadId: entries.first?.leadId, summary: steps.map(\.summary).reversed())
        }
    }

    /// The audit entries after change `changeId` on the leads its `entries` touched (and those
    /// with no lead, when one of `entries` has none), for `UndoPlan.newerTeammateEntry`.
    private func laterEntries(_ s: SQLSession, after changeId: Int64, touching entries: [AuditEntry]) throws -> [AuditEntry] {
        let leads = Array(Set(entries.compactMap(\.leadId))).sorted()
        var filters: [String] = []
        if !leads.isEmpty { filters.append("lead_id IN (\(leads.indices.map { "$\($0 + 2)" }.joined(separator: ", ")))") }
        if entries.contains(where: { $0.leadId == nil }) { filters.append("lead_id IS NULL") }
        guard !filters.isEmpty else { return [] }
        return try s.rows("SELECT * FROM audit WHERE change_id > $1 AND (\(filters.joined(separator: " OR "))) ORDER BY id",
                          values: [.i(changeId)] + leads.map { .i($0) }).map(RecordRows.auditEntry)
    }

    /// The PostgreSQL type of each column `UndoPlan` may write back (the log holds text).
    static func columnType(_ table: String, _ field: String) -> String {
        switch field {
        case "beds", "duration_min": "bigint"
        case "mql_at", "stage_changed_at", "ended_at", "follow_up_due", "due", "done_at", "requalify_at": "timestamptz"
        default: "text"
        }
    }

    /// Carries out one step of the plan. Table and column names come from `UndoPlan`'s
    /// allow-list (checked again here), never from the log's text.
    private func carryOut(_ step: UndoPlan.Step, s: SQLSession, audit: AuditLog) throws {
        switch step {
        case .nothing:
            break
        case .delete(let table, let id):
            guard UndoPlan.undoableFields[table] != nil else { throw DiscoveryError.failed("\(table) cannot be undone") }
            try s.exec("DELETE FROM \(table) WHERE id = $1", .i(id))
        case .set(let table, let id, let lead, let field, let value, let replacing):
            guard UndoPlan.undoableFields[table]?.contains(field) == true else {
                throw DiscoveryError.failed("\(table) \(field) cannot be undone")
            }
            try s.exec("UPDATE \(table) SET \(field) = CAST($1::text AS \(Self.columnType(table, field))) WHERE id = $2", .t(value), .i(id))
            try audit.record(lead: lead, action: .update, entity: table, entityId: id, field: field, old: replacing, new: value)
        case .restoreAnswer(let lead, let question, let value, let revision):
            let note = try s.one("""
                SELECT note FROM answer WHERE lead_id = $1 AND question = $2 AND id < $3 ORDER BY id DESC LIMIT 1
                """, .i(lead), .t(question), .i(revision))?.text("note")
            try s.exec("""
                INSERT INTO answer (lead_id, question, value, note, call_id, actor, at) VALUES ($1, $2, $3, $4, NULL, $5, $6)
                """, .i(lead), .t(question), .t(value), .t(note), .t(audit.actor), .d(audit.at))
        }
    }
}
