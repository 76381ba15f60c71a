import DiscoveryCore
import Foundation
import GRDB

/// What `undo` reverted.
public struct UndoResult: Sendable, Equatable {
    public var changeId: Int64
    public var leadId: Int64?
    /// One line per reverted entry, e.g. `lead L3 region: West → (empty)`.
    public var summary: [String]
}

extension Store {
    /// Tables whose rows `undo` may delete or update, and the columns it may set back.
    /// An allow-list: audit entries never turn into arbitrary SQL.
    static let undoableColumns: [String: Set<String>] = [
        "lead": Set(LeadField.allCases.map(\.column)).union(["stage", "stage_reason", "stage_note", "mql_at", "stage_changed_at"]),
        "contact": Set(ContactField.allCases.map(\.column)),
        "signal": [],
        "call": ["outcome", "note", "duration_min", "ended_at", "follow_up_due", "consent_override"],
        "next_step": ["done_at", "owner", "due", "note", "action"],
    ]

    /// Reverts the newest change that has not been undone yet, as one new audited change.
    public func undo(actor: String, at: Date) throws(DiscoveryError) -> UndoResult {
        try change(actor: actor, at: at) { db, audit in
            guard let changeId = try Int64.fetchOne(db, sql: """
                SELECT max(change_id) FROM audit
                WHERE change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                  AND change_id NOT IN (SELECT entity_id FROM audit WHERE action = 'undo' AND entity = 'change')
                """) else {
                throw DiscoveryError.failed("nothing to undo")
            }
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE change_id = ? ORDER BY id DESC",
                                           arguments: [changeId]).map(AuditEntry.init)
            var summary: [String] = []
            for e in entries {
                summary.append(try revert(e, db: db, audit: audit))
            }
            // The reverted change's id is kept in entity_id, which erasure never blanks.
            try audit.record(lead: entries.first?.leadId, action: .undo, entity: "change", entityId: changeId,
                             new: String(changeId))
            return UndoResult(changeId: changeId, leadId: entries.first?.leadId, summary: summary.reversed())
        }
    }

    private func revert(_ e: AuditEntry, db: Database, audit: AuditWriter) throws -> String {
        if e.entity == "answer_note" {
            // Records the note for the log; reverting the answer revision restores the note too.
            return "note on \(e.field ?? "?") restored"
        }
        guard let columns = Self.undoableColumns[e.entity] ?? (e.entity == "answer" ? [] : nil),
              let entityId = e.entityId else {
            throw DiscoveryError.failed("the last change (\(e.action.rawValue) \(e.entity)) cannot be undone")
        }
        let table = e.entity
        switch e.action {
        case .create:
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [entityId])
            return "removed \(table) #\(entityId)"
        case .update:
            guard let field = e.field, columns.contains(field) else {
                throw DiscoveryError.failed("the last change (\(table) \(e.field ?? "?")) cannot be undone")
            }
            try db.execute(sql: "UPDATE \(table) SET \(field) = ? WHERE id = ?", arguments: [e.oldValue, entityId])
            try audit.record(lead: e.leadId, action: .update, entity: table, entityId: entityId, field: field,
                             old: e.newValue, new: e.oldValue)
            return "\(table) #\(entityId) \(field): \(e.newValue ?? "(empty)") → \(e.oldValue ?? "(empty)")"
        case .revise:
            // Answers are revisions: undo appends the previous value (and the note then in
            // force) again, keeping the history.
            guard let leadId = e.leadId, let question = e.field else {
                throw DiscoveryError.failed("the last answer cannot be undone")
            }
            let note = try String.fetchOne(db, sql: """
                SELECT note FROM answer WHERE lead_id = ? AND question = ? AND id < ? ORDER BY id DESC LIMIT 1
                """, arguments: [leadId, question, entityId])
            try db.execute(sql: """
                INSERT INTO answer (lead_id, question, value, note, call_id, actor, at)
                VALUES (?, ?, ?, ?, NULL, ?, ?)
                """, arguments: [leadId, question, e.oldValue, note, audit.actor, audit.at])
            return "answer \(question) restored to \(AnswerCoding.decode(e.oldValue)?.display ?? "(unanswered)")"
        case .delete:
            throw DiscoveryError.failed("the last change deleted L\(entityId) and erased its personal data; a deletion cannot be undone")
        case .undo:
            throw DiscoveryError.failed("nothing to undo")
        }
    }
}
