import DiscoveryCore
import Foundation
import GRDB

/// Appends the audit entries of one change. All entries of a change share its `changeId`,
/// so `undo` reverts the change as a whole.
struct AuditWriter {
    let db: Database
    let actor: String
    let at: Date
    let changeId: Int64

    init(db: Database, actor: String, at: Date) throws {
        self.db = db
        self.actor = actor
        self.at = at
        self.changeId = (try Int64.fetchOne(db, sql: "SELECT max(change_id) FROM audit") ?? 0) + 1
    }

    /// Records one fact of the change: `action` on `entity` (`lead`, `contact`, `answer`, ...).
    func record(lead: Int64?, action: AuditAction, entity: String, entityId: Int64?,
                field: String? = nil, old: String? = nil, new: String? = nil) throws {
        // A cached statement: an import records thousands of entries in one change.
        try db.cachedStatement(sql: """
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [changeId, at, actor, lead, action.rawValue, entity, entityId, field, old, new])
    }
}

/// What an audit entry records.
public enum AuditAction: String, Sendable, Codable {
    /// A row was created (undo deletes it).
    case create
    /// A column changed from `old` to `new` (undo sets it back).
    case update
    /// A revision was appended (undo appends the previous value again).
    case revise
    /// A lead and its personal data were erased (cannot be undone).
    case delete
    /// A change was reverted; `new` holds its change id.
    case undo
}
