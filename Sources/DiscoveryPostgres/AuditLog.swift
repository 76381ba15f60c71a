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

    /// Records `entries` in order with one statement (each column one array, `SQLArray`): the
    /// same rows, in the same order, as recording them one by one.
    func record(_ entries: [ImportAuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try session.exec("""
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
            SELECT $1, $2, $3, u.lead_id, u.action, u.entity, u.entity_id, u.field, u.old_value, u.new_value
              FROM unnest($4::bigint[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[])
                   WITH ORDINALITY AS u(lead_id, action, entity, entity_id, field, old_value, new_value, n)
             ORDER BY u.n
            """, .i(try changeId()), .d(at), .t(actor), SQLArray.int(entries.map(\.lead)),
            SQLArray.text(entries.map { $0.action.rawValue }), SQLArray.text(entries.map(\.entity)),
            SQLArray.int(entries.map(\.entityId)), SQLArray.text(entries.map(\.field)), SQLArray.text(entries.map(\.old)),
            SQLArray.text(entries.map(\.new)))
    }
}
