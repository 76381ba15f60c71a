import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: AuditStorage {
    public func audit(lead: Int64?, limit: Int?) throws(DiscoveryError) -> [AuditEntry] {
        try read { db in
            var sql = "SELECT * FROM audit"
            var args: StatementArguments = []
            if let lead {
                sql += " WHERE lead_id = ?"
                args = [lead]
            }
            sql += " ORDER BY id DESC"
            if let limit {
                sql += " LIMIT ?"
                args += [limit]
            }
            // Decoded one row at a time from the cursor (the whole log's rows are not held).
            var entries: [AuditEntry] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: args)
            while let row = try rows.next() { entries.append(try Rows.auditEntry(row)) }
            entries.reverse()
            return entries
        }
    }

    /// Read through the C API, one row at a time (`audit --all` reads the log twice this way).
    public func forEachAuditEntry(lead: Int64?, _ body: (AuditEntry) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            let sql = "SELECT \(RawRows.auditColumns) FROM audit" + (lead == nil ? "" : " WHERE lead_id = ?") + " ORDER BY id"
            try RawStatement(db, sql: sql).forEach(lead.map { [$0.databaseValue] } ?? []) { try body(try RawRows.auditEntry($0)) }
        }
    }

    public func undo(actor: String, at: Date) throws(DiscoveryError) -> UndoResult {
        try change(actor: actor, at: at) { db, audit in
            guard let changeId = try Int64.fetchOne(db, sql: """
                SELECT max(change_id) FROM audit
                WHERE actor = ?
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                  AND change_id NOT IN (SELECT entity_id FROM audit WHERE action = 'undo' AND entity = 'change')
                """, arguments: [actor]) else {
                throw DiscoveryError.failed("nothing to undo")
            }
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE change_id = ? ORDER BY id DESC",
                                           arguments: [changeId]).map(Rows.auditEntry)
            let steps = try UndoPlan.steps(reverting: entries)
            if let newer = UndoPlan.newerTeammateEntry(reverting: entries, actor: actor,
                                                       later: try laterEntries(db, after: changeId, touching: entries)) {
                throw UndoPlan.refusal(reverting: changeId, newer: newer)
            }
            for (step, _) in steps {
                try carryOut(step, db: db, audit: audit)
            }
            // The reverted change's id is kept in entity_id, which erasure never blanks.
            try audit.record(lead: entries.first?.leadId, action: .undo, entity: "change", entityId: changeId,
                             new: String(changeId))
            return UndoResult(changeId: changeId, leadId: entries.first?.leadId, summary: steps.map(\.summary).reversed())
        }
    }

    /// The audit entries after change `changeId` on the leads its `entries` touched (and those
    /// with no lead, when one of `entries` has none), for `UndoPlan.newerTeammateEntry`.
    private func laterEntries(_ db: Database, after changeId: Int64, touching entries: [AuditEntry]) throws -> [AuditEntry] {
        let leads = Array(Set(entries.compactMap(\.leadId))).sorted()
        var filters: [String] = []
        if !leads.isEmpty { filters.append("lead_id IN (\(leads.map { _ in "?" }.joined(separator: ", ")))") }
        if entries.contains(where: { $0.leadId == nil }) { filters.append("lead_id IS NULL") }
        guard !filters.isEmpty else { return [] }
        let args = StatementArguments([changeId] + leads)
        return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE change_id > ? AND (\(filters.joined(separator: " OR "))) ORDER BY id",
                                arguments: args).map(Rows.auditEntry)
    }

    /// Carries out one step of the plan. Table and column names come from `UndoPlan`'s
    /// allow-list (checked again here), never from the log's text.
    private func carryOut(_ step: UndoPlan.Step, db: Database, audit: AuditWriter) throws {
        switch step {
        case .nothing:
            break
        case .delete(let table, let id):
            guard UndoPlan.undoableFields[table] != nil else { throw DiscoveryError.failed("\(table) cannot be undone") }
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        case .set(let table, let id, let lead, let field, let value, let replacing):
            guard UndoPlan.undoableFields[table]?.contains(field) == true else {
                throw DiscoveryError.failed("\(table) \(field) cannot be undone")
            }
            try db.execute(sql: "UPDATE \(table) SET \(field) = ? WHERE id = ?", arguments: [value, id])
            try audit.record(lead: lead, action: .update, entity: table, entityId: id, field: field, old: replacing, new: value)
        case .restoreAnswer(let lead, let question, let value, let revision):
            let note = try String.fetchOne(db, sql: """
                SELECT note FROM answer WHERE lead_id = ? AND question = ? AND id < ? ORDER BY id DESC LIMIT 1
                """, arguments: [lead, question, revision])
            try db.execute(sql: """
                INSERT INTO answer (lead_id, question, value, note, call_id, actor, at)
                VALUES (?, ?, ?, ?, NULL, ?, ?)
                """, arguments: [lead, question, value, note, audit.actor, audit.at])
        }
    }
}
