import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: ContactStorage {
    public func addContact(_ contact: Contact, actor: String) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: contact.createdAt) { db, audit in
            try db.execute(sql: """
                INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [contact.leadId, contact.name, contact.title, contact.role?.rawValue,
                                 contact.email, contact.phone, contact.consent.rawValue, contact.createdAt])
            var created = contact
            created.id = db.lastInsertedRowID
            try audit.record(lead: contact.leadId, action: .create, entity: "contact", entityId: created.id,
                             new: contact.name)
            return created
        }
    }

    public func contacts(lead: Int64) throws(DiscoveryError) -> [Contact] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE lead_id = ? ORDER BY id", arguments: [lead])
                .map { try Rows.contact($0) }
        }
    }

    @discardableResult
    public func updateContact(id: Int64, field: ContactField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: at) { db, audit in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE id = ?", arguments: [id]) else {
                throw DiscoveryError.failed("no contact #\(id)")
            }
            let old = row[field.column] as DatabaseValue
            try db.execute(sql: "UPDATE contact SET \(field.column) = ? WHERE id = ?", arguments: [value, id])
            let leadId: Int64 = row["lead_id"]
            try audit.record(lead: leadId, action: .update, entity: "contact", entityId: id, field: field.column,
                             old: Self.text(old), new: value)
            return try Rows.contact(try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE id = ?", arguments: [id])!)
        }
    }
}
