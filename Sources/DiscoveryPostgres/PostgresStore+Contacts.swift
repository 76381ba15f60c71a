import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: ContactStorage {
    public func addContact(_ contact: Contact, actor: String) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: contact.createdAt) { s, audit in
            _ = try Self.lockLead(s, contact.leadId)
            var created = contact
            created.id = try s.insert("""
                INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """, .i(contact.leadId), .t(contact.name), .t(contact.title), .t(contact.role?.rawValue),
                .t(contact.email), .t(contact.phone), .t(contact.consent.rawValue), .d(contact.createdAt))
            try audit.record(lead: contact.leadId, action: .create, entity: "contact", entityId: created.id, new: contact.name)
            return try Self.contact(s, created.id) ?? created
        }
    }

    static func contact(_ s: SQLSession, _ id: Int64) throws -> Contact? {
        try s.one("SELECT * FROM contact WHERE id = $1", .i(id)).map { try RecordRows.contact($0) }
    }

    public func contacts(lead: Int64) throws(DiscoveryError) -> [Contact] {
        try read { s in
            try s.rows("SELECT * FROM contact WHERE lead_id = $1 ORDER BY id", .i(lead)).map { try RecordRows.contact($0) }
        }
    }

    @discardableResult
    public func updateContact(id: Int64, field: ContactField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: at) { s, audit in
            guard let row = try s.one("SELECT * FROM contact WHERE id = $1 FOR UPDATE", .i(id)) else {
                throw DiscoveryError.failed("no contact #\(id)")
            }
            let old = try row.text(field.column)
            // `field.column` comes from `ContactField`'s fixed list, never from user text.
            try s.exec("UPDATE contact SET \(field.column) = $1 WHERE id = $2", .t(value), .i(id))
            let leadId = try row.int64(required: "lead_id")
            try audit.record(lead: leadId, action: .update, entity: "contact", entityId: id, field: field.column, old: old, new: value)
            guard let updated = try Self.contact(s, id) else { throw DiscoveryError.failed("no contact #\(id)") }
            return updated
        }
    }
}
