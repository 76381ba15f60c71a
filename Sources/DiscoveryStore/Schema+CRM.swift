import DiscoveryCore
import GRDB

extension Schema {
    /// v4: what CRM interchange needs (issue 11). A contact's name in parts (`last_name` NULL:
    /// not split, the name is kept whole), its do-not-call and email opt-out as two facts, its
    /// own lead source and its HubSpot / Salesforce record ids; a lead's website (domain).
    static let v4CRM = """
    ALTER TABLE contact ADD COLUMN salutation TEXT;
    ALTER TABLE contact ADD COLUMN first_name TEXT;
    ALTER TABLE contact ADD COLUMN last_name TEXT;
    ALTER TABLE contact ADD COLUMN suffix TEXT;
    ALTER TABLE contact ADD COLUMN do_not_call INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE contact ADD COLUMN email_opt_out INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE contact ADD COLUMN source TEXT;
    ALTER TABLE contact ADD COLUMN hubspot_id TEXT;
    ALTER TABLE contact ADD COLUMN salesforce_id TEXT;
    ALTER TABLE lead ADD COLUMN website TEXT;
    CREATE INDEX contact_hubspot_id ON contact(hubspot_id);
    CREATE INDEX contact_salesforce_id ON contact(salesforce_id);
    """

    /// Splits every stored name once (`PersonName.split`); a name it cannot split keeps NULL
    /// parts, and `contactsWithUnsplitNames` lists it.
    static func splitStoredNames(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM contact")
        for row in rows {
            let name: String = row["name"]
            guard let parts = PersonName.parts(of: name) else { continue }
            try db.execute(sql: "UPDATE contact SET salutation = ?, first_name = ?, last_name = ?, suffix = ? WHERE id = ?",
                           arguments: [parts.salutation, parts.first, parts.last, parts.suffix, row["id"] as Int64])
        }
    }
}
