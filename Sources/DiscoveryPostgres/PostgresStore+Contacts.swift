import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: ContactStorage {
    public func addContact(_ contact: Contact, actor: String) throws(DiscoveryError) -> Contact {
        try change(actor: actor, at: contact.createdAt) { s, audit in
            _ = try Self.lockLead(s, contact.leadId)
            var created = contact
            created.nameParts = contact.nameParts ?? PersonName.parts(of: contact.name)
            created.id = try s.insert("""
                INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at, \(Self.contactExtraColumns))
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                """, values: [.i(contact.leadId), .t(contact.name), .t(contact.title), .t(contact.role?.rawValue),
                              .t(contact.email), .t(contact.phone), .t(contact.consent.rawValue), .d(contact.createdAt)]
                    + Self.contactExtraValues(created))
            try audit.record(lead: contact.leadId, action: .create, entity: "contact", entityId: created.id, new: contact.name)
            return try Self.contact(s, created.id) ?? created
        }
    }

    static func contact(_ s: SQLSession, _ id: Int64) throws -> Contact? {
        try s.one("SELECT * FROM contact WHERE id = $1", .i(id)).map { try RecordRows.contact($0) }
    }

    public func contacts(lead: Int64) throws(DiscoveryError) -> [Contact] {
        try statement { s in
            try s.rows("SELECT * FROM contact WHERE lead_id = $1 ORDER BY id", .i(lead)).map { try RecordRows.contact($0) }
        }
    }

    public func contactsWithUnsplitNames() throws(DiscoveryError) -> [Contact] {
        try statement { s in
            try s.rows("SELECT * FROM contact WHERE last_name IS NULL ORDER BY lead_id, id").map { try RecordRows.contact($0) }
        }
    }

    /// The contact columns of schema v4, in the order `contactExtraValues` gives them.
    static let contactExtraColumns = "salutation, first_name, last_name, suffix, do_not_call, email_opt_out, source, hubspot_id, salesforce_id"

    static func contactExtraValues(_ c: Contact) -> [SQLValue] {
        [.t(c.nameParts?.salutation), .t(c.nameParts?.first), .t(c.nameParts?.last), .t(c.nameParts?.suffix),
         .i(c.doNotCall ? Int64(1) : 0), .i(c.emailOptOut ? Int64(1) : 0), .t(c.source), .t(c.hubSpotId), .t(c.salesforceId)]
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
            if field == .name, let value {
                // A new whole name is split once; its old parts no longer hold.
                let parts = PersonName.parts(of: value)
                try s.exec("UPDATE contact SET salutation = $1, first_name = $2, last_name = $3, suffix = $4 WHERE id = $5",
                           .t(parts?.salutation), .t(parts?.first), .t(parts?.last), .t(parts?.suffix), .i(id))
            }
            let leadId = try row.int64(required: "lead_id")
            try audit.record(lead: leadId, action: .update, entity: "contact", entityId: id, field: field.column, old: old, new: value)
            guard let updated = try Self.contact(s, id) else { throw DiscoveryError.failed("no contact #\(id)") }
            return updated
        }
    }
}
