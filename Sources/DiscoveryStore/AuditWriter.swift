import DiscoveryCore
import Foundation
import GRDB

/// Appends the audit entries of one change. All entries of a change share its `changeId`,
/// so `undo` reverts the change as a whole.
struct AuditWriter {
    let db: Database
    let actor: String
    let at: Date
    /// `at` as stored, converted once: GRDB formats a `Date` argument with a DateFormatter
    /// each time it is bound, and an import binds it thousands of times.
    let storedAt: DatabaseValue
    let changeId: Int64

    init(db: Database, actor: String, at: Date) throws {
        self.db = db
        self.actor = actor
        self.at = at
        self.storedAt = at.databaseValue
        self.changeId = (try Int64.fetchOne(db, sql: "SELECT max(change_id) FROM audit") ?? 0) + 1
    }

    /// Records one fact of the change: `action` on `entity` (`lead`, `contact`, `answer`, ...).
    func record(lead: Int64?, action: AuditAction, entity: String, entityId: Int64?,
                field: String? = nil, old: String? = nil, new: String? = nil) throws {
        // A cached statement: an import records thousands of entries in one change.
        try db.cachedStatement(sql: """
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [changeId, storedAt, actor, lead, action.rawValue, entity, entityId, field, old, new])
    }

    /// One entry for `record(_:)`: the arguments of `record(lead:action:...)`.
    struct Entry {
        var lead: Int64?
        var action: AuditAction
        var entity: String
        var entityId: Int64?
        var field: String? = nil
        var old: String? = nil
        var new: String? = nil
    }

    /// The statement that records `rows` entries at once, in order: the same rows, with the same
    /// ids, as recording them one by one (an import records three entries a row).
    static func insertSQL(rows: Int) -> String {
        """
        INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        """
    }

    /// The values `insertSQL(rows: entries.count)` binds.
    func values(_ entries: ArraySlice<Entry>) -> [DatabaseValue] {
        var values: [DatabaseValue] = []
        values.reserveCapacity(10 * entries.count)
        let actor = actor.databaseValue
        let changeId = changeId.databaseValue
        for e in entries {
            values.append(changeId)
            values.append(storedAt)
            values.append(actor)
            values.append(e.lead.databaseValue)
            values.append(e.action.rawValue.databaseValue)
            values.append(e.entity.databaseValue)
            values.append(e.entityId.databaseValue)
            values.append(e.field.databaseValue)
            values.append(e.old.databaseValue)
            values.append(e.new.databaseValue)
        }
        return values
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
