import DiscoveryCore
import Foundation
import GRDB

/// The statements an import runs for every row, prepared once per import and run through the
/// SQLite C API (`RawStatement`). The SQL is fixed text; values are always bound.
final class ImportStatements {
    let contactByEmail: RawStatement
    let contactInLeadByEmail: RawStatement
    let contactInLeadByName: RawStatement
    let leadByOrg: RawStatement
    let leadFields: RawStatement
    let insertLead: RawStatement
    let insertContact: RawStatement
    /// `UPDATE lead` of a set of columns, by their names joined, prepared on first use.
    private var leadUpdates: [String: RawStatement] = [:]
    /// `AuditWriter.insertSQL(rows: n)` by `n`, prepared on first use.
    private var auditInserts: [Int: RawStatement] = [:]
    private let db: Database

    /// The columns `contact(_:_:)` reads, in its order.
    static let contactColumns = "SELECT \(RawRows.contactColumns) FROM contact"

    init(_ db: Database) throws {
        self.db = db
        contactByEmail = try RawStatement(db, sql: "\(Self.contactColumns) WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1")
        contactInLeadByEmail = try RawStatement(db, sql: """
            \(Self.contactColumns) WHERE lead_id = ? AND email = ? COLLATE NOCASE ORDER BY id LIMIT 1
            """)
        contactInLeadByName = try RawStatement(db, sql: """
            \(Self.contactColumns) WHERE lead_id = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1
            """)
        leadByOrg = try RawStatement(db, sql: "SELECT id FROM lead WHERE org = ? COLLATE NOCASE ORDER BY id")
        leadFields = try RawStatement(db, sql: """
            SELECT type, specialty, region, beds, source, profile, owner, consent, website FROM lead WHERE id = ?
            """)
        insertLead = try RawStatement(db, sql: """
            INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage, stage_reason,
                              stage_note, created_at, updated_at, stage_changed_at, mql_at, website)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertContact = try RawStatement(db, sql: """
            INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at,
                                 salutation, first_name, last_name, suffix, hubspot_id, salesforce_id,
                                 do_not_call, email_opt_out, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Sets `columns` (names from a fixed list, never from a file) and `updated_at` of a lead:
    /// bind their values, then `updated_at`, then the lead id.
    func updateLead(columns: [String]) throws -> RawStatement {
        let sets = columns.map { "\($0) = ?, " }.joined()
        if let statement = leadUpdates[sets] { return statement }
        let statement = try RawStatement(db, sql: "UPDATE lead SET \(sets)updated_at = ? WHERE id = ?")
        leadUpdates[sets] = statement
        return statement
    }

    /// Records `entries` in order with one statement.
    func record(_ entries: ArraySlice<AuditWriter.Entry>, _ audit: AuditWriter) throws {
        guard !entries.isEmpty else { return }
        let statement = try auditInserts[entries.count] ?? RawStatement(db, sql: AuditWriter.insertSQL(rows: entries.count))
        auditInserts[entries.count] = statement
        try statement.execute(try audit.values(entries))
    }

    /// The first contact (lowest id) that `statement` (one of the three above) finds.
    func contact(_ statement: RawStatement, _ values: [DatabaseValue]) throws -> Contact? {
        try statement.first(values, RawRows.contact)
    }
}
