import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// `ImportFlow`'s view of the SQLite database within one batch (one write transaction): each
/// lookup is a prepared statement run there and then (SQLite answers in microseconds, in
/// process), each write is run at once; audit entries are written in blocks.
struct SQLiteImportBook: ImportBook {
    let db: Database
    let audit: AuditWriter
    let sql: ImportStatements
    /// `at` as stored, converted once (see `AuditWriter.storedAt`).
    private let storedAt: DatabaseValue
    /// Audit entries not yet written: `flushAudit` writes them in blocks, in order.
    private var pendingAudit: [AuditWriter.Entry] = []
    /// Entries per INSERT (10 values each, well under SQLite's limit of 32,766).
    static let auditBlock = 50

    init(db: Database, audit: AuditWriter, statements: ImportStatements, at: Date) {
        self.db = db
        self.audit = audit
        self.sql = statements
        self.storedAt = at.databaseValue
    }

    /// Writes the queued audit entries; `importRows` calls it before the batch commits.
    mutating func flushAudit() throws {
        try sql.record(pendingAudit[...], audit)
        pendingAudit.removeAll(keepingCapacity: true)
    }

    func contact(email: String) throws -> Contact? {
        try sql.contact(sql.contactByEmail, [email.databaseValue])
    }

    func contact(lead: Int64, email: String) throws -> Contact? {
        try sql.contact(sql.contactInLeadByEmail, [lead.databaseValue, email.databaseValue])
    }

    func contact(lead: Int64, name: String) throws -> Contact? {
        try sql.contact(sql.contactInLeadByName, [lead.databaseValue, name.databaseValue])
    }

    func leads(org: String) throws -> [Int64] {
        var ids: [Int64] = []
        try sql.leadByOrg.forEach([org.databaseValue]) { c in
            if let id = c.int64(0) { ids.append(id) }
        }
        return ids
    }

    func leadFields(_ id: Int64) throws -> ImportMerge.LeadFields? {
        // Only the columns an import may change (an import runs this for most of its rows).
        try sql.leadFields.first([id.databaseValue], { c in
            ImportMerge.LeadFields(type: c.text(0), specialty: c.text(1), region: c.text(2), beds: c.int64(3).map(Int.init),
                                   source: c.text(4), profile: c.text(5), owner: c.text(6),
                                   consent: try c.value(Consent.self, 7, table: "lead", row: id), website: c.text(8))
        })
    }

    func createLead(_ p: ImportRecord.LeadPart, fields: ImportMerge.LeadFields) throws -> Int64 {
        let created = p.createdAt?.databaseValue ?? storedAt
        try sql.insertLead.execute([
            p.org.databaseValue, fields.type.databaseValue, fields.specialty.databaseValue, fields.region.databaseValue,
            fields.beds.databaseValue, fields.source.databaseValue, fields.profile.databaseValue,
            fields.consent.rawValue.databaseValue, fields.owner.databaseValue, (p.stage ?? .new).rawValue.databaseValue,
            p.stageReason?.rawValue.databaseValue ?? .null, p.stageNote.databaseValue, created, storedAt, created,
            p.mqlAt?.databaseValue ?? .null, fields.website.databaseValue,
        ])
        return db.lastInsertedRowID
    }

    func updateLead(_ id: Int64, changes: [ImportMerge.Change], fields: ImportMerge.LeadFields) throws {
        // One statement for all changed columns (each from `ImportMerge`'s fixed list, never from the file).
        let binds = changes.map { c in c.field == "beds" ? fields.beds.databaseValue : c.after.databaseValue }
        try sql.updateLead(columns: changes.map(\.field)).execute(binds + [storedAt, id.databaseValue])
    }

    func createContact(_ c: ImportRecord.ContactPart, lead: Int64) throws -> Int64 {
        try sql.insertContact.execute([
            lead.databaseValue, c.name.databaseValue, c.title.databaseValue, c.role?.rawValue.databaseValue ?? .null,
            c.email.databaseValue, c.phone.databaseValue, (c.consent ?? .unknown).rawValue.databaseValue, storedAt,
            c.nameParts?.salutation.databaseValue ?? .null, c.nameParts?.first.databaseValue ?? .null,
            c.nameParts?.last.databaseValue ?? .null, c.nameParts?.suffix.databaseValue ?? .null,
            c.hubSpotId.databaseValue, c.salesforceId.databaseValue, (c.doNotCall == true).databaseValue,
            (c.emailOptOut == true).databaseValue, c.source.databaseValue,
        ])
        return db.lastInsertedRowID
    }

    func updateContact(_ old: Contact, changes: [ImportMerge.Change]) throws {
        // Column names from `ImportMerge`'s fixed list, never from the file.
        let sets = changes.map { "\($0.field) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE contact SET \(sets) WHERE id = ?")
            .execute(arguments: StatementArguments(changes.map { $0.after as DatabaseValueConvertible } + [old.id]))
    }

    mutating func audit(_ e: ImportAuditEntry) throws {
        pendingAudit.append(.init(lead: e.lead, action: e.action, entity: e.entity, entityId: e.entityId, field: e.field,
                                  old: e.old, new: e.new))
        if pendingAudit.count >= Self.auditBlock { try flushAudit() }
    }
}
