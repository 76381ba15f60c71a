import DiscoveryCore
import DiscoveryStorage
import Foundation

/// Appends the audit entries of one change (as `AuditWriter` does for SQLite). The change id is
/// a `changeset` row's, from its sequence, taken when the first entry is recorded: two writers
/// never share one, and a change that records nothing takes none.
final class AuditLog {
    let session: SQLSession
    let actor: String
    let at: Date
    private var id: Int64?

    init(session: SQLSession, actor: String, at: Date) {
        self.session = session
        self.actor = actor
        self.at = at
    }

    func changeId() throws -> Int64 {
        if let id { return id }
        let taken = try session.insert("INSERT INTO changeset (actor, at) VALUES ($1, $2)", .t(actor), .d(at))
        id = taken
        return taken
    }

    func record(lead: Int64?, action: AuditAction, entity: String, entityId: Int64?,
                field: String? = nil, old: String? = nil, new: String? = nil) throws {
        let changeId = try changeId()
        try session.exec("""
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, .i(changeId), .d(at), .t(actor), .i(lead), .t(action.rawValue), .t(entity), .i(entityId), .t(field), .t(old), .t(new))
    }

    /// Records `entries` in order with one `COPY` (an import's thousands of entries): the same
    /// rows, in the same order and so with the same ids, as recording them one by one.
    func record(waiting: Bool = true, _ entries: [ImportAuditEntry]) throws {
        guard !entries.isEmpty else { return }
        let changeId = try changeId()
        var rows = CopyRows(reservingBytes: entries.count * 160)
        let at = CopyRows.timeText(StoredTime.rounded(self.at))
        for e in entries {
            rows.int(changeId)
            rows.text(at)
            rows.text(actor)
            rows.int(e.lead)
            rows.text(e.action.rawValue)
            rows.text(e.entity)
            rows.int(e.entityId)
            rows.text(e.field)
            rows.text(e.old)
            rows.text(e.new)
            rows.endRow()
        }
        try session.copy(into: "audit", columns: Self.columns, rows: rows, waiting: waiting)
    }

    static let columns = ["change_id", "at", "actor", "lead_id", "action", "entity", "entity_id", "field", "old_value", "new_value"]
}
