import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: ContactStorage {
    public func addContact(_ contact: Contact, actor: String) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: contact.createdAt) { db, audit in
            var created = contact
            created.nameParts = contact.nameParts ?? PersonName.parts(of: contact.name)
            try db.execute(sql: """
                INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at, \(Self.contactExtraColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments([contact.leadId, contact.name, contact.title, contact.role?.rawValue,
                                                     contact.email, contact.phone, contact.consent.rawValue, contact.createdAt]
                                                    + Self.contactExtraValues(created)))
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
            if field == .name, let value {
                // A new whole name is split once; its old parts no longer hold.
                let parts = PersonName.parts(of: value)
                try db.execute(sql: "UPDATE contact SET salutation = ?, first_name = ?, last_name = ?, suffix = ? WHERE id = ?",
                               arguments: [parts?.salutation, parts?.first, parts?.last, parts?.suffix, id])
            }
            let leadId: Int64 = row["lead_id"]
            try audit.record(lead: leadId, action: .update, entity: "contact", entityId: id, field: field.column,
                             old: Self.text(old), new: value)
            return try Rows.contact(try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE id = ?", arguments: [id])!)
        }
    }

    public func contactsWithUnsplitNames() throws(DiscoveryError) -> [Contact] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE last_name IS NULL ORDER BY lead_id, id")
                .map { try Rows.contact($0) }
        }
    }

    /// The contact columns of v4 (issue 11), in the order `contactExtraValues` gives them.
    static let contactExtraColumns = "salutation, first_name, last_name, suffix, do_not_call, email_opt_out, source, hubspot_id, salesforce_id"

    static func contactExtraValues(_ c: Contact) -> [DatabaseValueConvertible?] {
        [c.nameParts?.salutation, c.nameParts?.first, c.nameParts?.last, c.nameParts?.suffix, c.doNotCall, c.emailOptOut,
         c.source, c.hubSpotId, c.salesforceId]
    }
}
