import DiscoveryCore
import Foundation
import GRDB

/// One line of the append-only audit log.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var changeId: Int64
    public var at: Date
    public var actor: String
    public var leadId: Int64?
    public var action: AuditAction
    public var entity: String
    public var entityId: Int64?
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    init(row: Row) {
        id = row["id"]
        changeId = row["change_id"]
        at = row["at"]
        actor = row["actor"]
        leadId = row["lead_id"]
        action = AuditAction(rawValue: row["action"]) ?? .update
        entity = row["entity"]
        entityId = row["entity_id"]
        field = row["field"]
        oldValue = row["old_value"]
        newValue = row["new_value"]
    }
}

extension Store {
    /// The audit log, oldest first; for one lead when `lead` is given.
    public func audit(lead: Int64? = nil, limit: Int? = nil) throws(DiscoveryError) -> [AuditEntry] {
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
            return try Row.fetchAll(db, sql: sql, arguments: args).map(AuditEntry.init).reversed()
        }
    }
}
