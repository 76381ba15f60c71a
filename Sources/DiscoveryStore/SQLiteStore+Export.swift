import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// Calls `body` once per lead, in id order, with its contacts, reading one cursor over the
    /// leads joined to their contacts: rows are read as they are written out, so memory stays
    /// flat however many leads there are. With `stage`, only leads at that stage. Returns the
    /// number of leads. An error thrown by `body` (a full disk) ends the read and is rethrown.
    @discardableResult
    public func forEachLeadWithContacts(stage: Stage?,
                                        _ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int {
        try read { db in
            var sql = """
                SELECT lead.*, c.id AS c_id, c.name AS c_name, c.title AS c_title, c.role AS c_role,
                       c.email AS c_email, c.phone AS c_phone, c.consent AS c_consent, c.created_at AS c_created_at,
                       c.salutation AS c_salutation, c.first_name AS c_first_name, c.last_name AS c_last_name,
                       c.suffix AS c_suffix, c.do_not_call AS c_do_not_call, c.email_opt_out AS c_email_opt_out,
                       c.source AS c_source, c.hubspot_id AS c_hubspot_id, c.salesforce_id AS c_salesforce_id
                FROM lead LEFT JOIN contact c ON c.lead_id = lead.id
                """
            var args: StatementArguments = []
            if let stage {
                sql += " WHERE lead.stage = ?"
                args = [stage.rawValue]
            }
            sql += " ORDER BY lead.id, c.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: args)
            var current: Lead?
            var contacts: [Contact] = []
            var count = 0
            while let row = try rows.next() {
                let leadId: Int64 = row["id"]
                if current?.id != leadId {
                    if let lead = current { try body(lead, contacts); count += 1 }
                    current = try Rows.lead(row)
                    contacts.removeAll(keepingCapacity: true)
                }
                if (row["c_id"] as Int64?) != nil {
                    contacts.append(try Rows.contact(row, prefix: "c_", leadId: leadId))
                }
            }
            if let lead = current { try body(lead, contacts); count += 1 }
            return count
        }
    }
}
