import DiscoveryCore
import Foundation

extension RawRows {
    static let auditColumns = "id, change_id, at, actor, lead_id, action, entity, entity_id, field, old_value, new_value"

    static func auditEntry(_ c: some PositionalRow) throws -> AuditEntry {
        let id = c.int64(0) ?? 0
        return AuditEntry(id: id, changeId: c.int64(1) ?? 0, at: try c.date(2, table: "audit", row: id), actor: c.text(3) ?? "",
                          leadId: c.int64(4), action: try c.value(AuditAction.self, 5, table: "audit", row: id),
                          entity: c.text(6) ?? "", entityId: c.int64(7), field: c.text(8), oldValue: c.text(9), newValue: c.text(10))
    }
}
