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

    /// Entries per statement of `record(_:)`: 10 values each, well under PostgreSQL's 65,535 bound values.
    static let block = 2_000

    /// Records `entries` in order, a block of them per statement: the same rows, in the same
    /// order, as recording them one by one.
    func record(_ entries: [ImportAuditEntry]) throws {
        guard !entries.isEmpty else { return }
        let changeId = try changeId()
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(start + Self.block, entries.count)]
            var values: [SQLValue] = []
            values.reserveCapacity(block.count * 10)
            var tuples: [String] = []
            for e in block {
                let n = values.count
                tuples.append("(" + (1...10).map { "$\(n + $0)" }.joined(separator: ", ") + ")")
                values += [.i(changeId), .d(at), .t(actor), .i(e.lead), .t(e.action.rawValue), .t(e.entity), .i(e.entityId),
                           .t(e.field), .t(e.old), .t(e.new)]
            }
            try session.exec("""
                INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value)
                VALUES \(tuples.joined(separator: ", "))
                """, values: values)
            start += block.count
        }
    }
}
