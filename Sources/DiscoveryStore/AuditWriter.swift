import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Appends the audit entries of one change. All entries of a change share its change id, so
/// `undo` reverts the change as a whole. The id is a `changeset` row's, taken when the first
/// entry is recorded: the database hands it out, so two writers never share one, and a change
/// that records nothing takes none.
final class AuditWriter {
    let db: Database
    let actor: String
    let at: Date
    /// `at` as stored, converted once: GRDB formats a `Date` argument with a DateFormatter
    /// each time it is bound, and an import binds it thousands of times.
    let storedAt: DatabaseValue
    private var id: Int64?

    init(db: Database, actor: String, at: Date) {
        self.db = db
        self.actor = actor
        self.at = at
        self.storedAt = at.databaseValue
    }

    /// The change's id, taken on first use.
    func changeId() throws -> Int64 {
        if let id { return id }
        try db.cachedStatement(sql: "INSERT INTO changeset (actor, at) VALUES (?, ?)").execute(arguments: [actor, storedAt])
        let taken = db.lastInsertedRowID
        id = taken
        return taken
    }

    /// Records one fact of the change: `action` on `entity` (`lead`, `contact`, `answer`, ...).
    func record(lead: Int64?, action: AuditAction, entity: String, entityId: Int64?,
                field: String? = nil, old: String? = nil, new: String? = nil) throws {
        let changeId = try changeId()
        // A cached statement: an import records thousands of entries in one change.
        try db.cachedStatement(sql: """
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [changeId, storedAt, actor, lead, action.rawValue, entity, entityId, field, old, new])
    }

    /// One entry for `values(_:)`: the arguments of `record(lead:action:...)`.
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
    func values(_ entries: ArraySlice<Entry>) throws -> [DatabaseValue] {
        var values: [DatabaseValue] = []
        values.reserveCapacity(10 * entries.count)
        let actor = actor.databaseValue
        let changeId = try changeId().databaseValue
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
