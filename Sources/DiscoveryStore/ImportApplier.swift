import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Applies import rows to the database inside an open transaction: each row's lead and contact
/// are looked up by the keys `ImportMatching` gives, in order, and changed as `ImportMerge`
/// says; every create and update is audited.
///
/// What it remembers within a batch (the lead an organisation name gave, a lead's current
/// fields) stays true because a batch is one write transaction: SQLite lets no other writer in
/// until it commits. What it remembers across batches (the lead an export key became, the
/// leads this import created) is its own doing, whatever other writers do meanwhile.
struct ImportApplier {
    let options: ImportOptions
    /// `options.at` as stored, converted once (see `AuditWriter.storedAt`).
    private let storedAt: DatabaseValue
    var tally = ImportTally()
    /// `lead_id` of our export → the lead it became (or matched) in this import.
    private var leadsByKey: [String: Int64] = [:]
    /// The leads this import created (a row of our own export never matches them by name).
    private var createdLeads: Set<Int64> = []
    /// Audit entries not yet written: `flushAudit` writes them in blocks, in order.
    private var pendingAudit: [AuditWriter.Entry] = []
    /// Entries per INSERT (10 values each, well under SQLite's limit of 32,766).
    static let auditBlock = 50
    /// Prepared on first use, for the connection of the import.
    private var statements: ImportStatements?
    /// Within one batch: the lead an organisation name gave (rows without `lead_id`) and the
    /// current fields of a lead. Rows of one organisation usually follow one another.
    private var leadByOrg: [String: Int64] = [:]
    private var leadFields: [Int64: ImportMerge.LeadFields] = [:]

    init(options: ImportOptions) {
        self.options = options
        self.storedAt = options.at.databaseValue
    }

    /// Queues an audit entry, writing a full block.
    private mutating func log(_ entry: AuditWriter.Entry, _ audit: AuditWriter) throws {
        pendingAudit.append(entry)
        if pendingAudit.count >= Self.auditBlock { try flushAudit(audit) }
    }

    /// Writes the queued audit entries.
    private mutating func flushAudit(_ audit: AuditWriter) throws {
        try statements?.record(pendingAudit[...], audit)
        pendingAudit.removeAll(keepingCapacity: true)
    }

    /// `importRows` calls it before each batch commits: the audit entries are written and what
    /// was remembered of the batch is forgotten.
    mutating func endBatch(_ audit: AuditWriter) throws {
        try flushAudit(audit)
        leadByOrg.removeAll(keepingCapacity: true)
        leadFields.removeAll(keepingCapacity: true)
    }

    /// Applies one row; returns the conflict when the row's email names another person (nothing
    /// of the row is then applied).
    mutating func apply(_ r: ImportRecord, db: Database, audit: AuditWriter) throws -> ImportRowError? {
        let sql = try statements ?? ImportStatements(db)
        statements = sql
        tally.recordsApplied += 1
        // The contact the row's email names, when the lead was found by it: it is also the
        // contact the contact keys would find first (the first with that email is in that lead).
        var contactByEmail: Contact?
        // No contact anywhere has the row's email: within the lead only the name can match.
        var emailIsNew = false
        var leadId: Int64?
        lookup: for key in ImportMatching.leadKeys(for: r) {
            switch key {
            case .exportKey(let k):
                leadId = leadsByKey[k]
            case .email(let email):
                contactByEmail = try sql.contact(sql.contactByEmail, [email.databaseValue])
                leadId = contactByEmail?.leadId
                emailIsNew = contactByEmail == nil
            case .organisation(let org, let includingCreated):
                if includingCreated, let id = leadByOrg[org] {
                    leadId = id
                } else {
                    let created = createdLeads
                    leadId = try sql.leadByOrg.firstMatching([org.databaseValue]) { c in
                        c.int64(0).flatMap { includingCreated || !created.contains($0) ? $0 : nil }
                    }
                }
            }
            if leadId != nil { break lookup }
        }
        // The contact the row is about, looked for before anything changes: a row whose email
        // names another person changes nothing.
        var existing: Contact?
        if let id = leadId, let c = r.contact {
            existing = try contactByEmail ?? findContact(c, lead: id, emailIsNew: emailIsNew, sql: sql)
            if let found = existing, let email = c.email, found.email?.lowercased() == email.lowercased(),
               let message = ImportMatching.conflict(existing: found, row: c, leadLabel: "L\(found.leadId)") {
                tally.conflicts += 1
                return ImportRowError(line: r.line, message: message)
            }
        }
        var leadChanged = false
        var leadCreated = false
        if let id = leadId {
            leadChanged = try updateLead(id, with: r.lead, sql: sql, audit: audit)
        } else {
            leadId = try createLead(r.lead, sql: sql, db: db, audit: audit)
            leadCreated = true
        }
        guard let lead = leadId else { return nil }
        if let key = r.leadKey { leadsByKey[key] = lead }
        // A lead found or created by its organisation name is found again by it for the rest of the batch.
        if r.leadKey == nil && contactByEmail == nil { leadByOrg[r.lead.org] = lead }
        var contactCreated = false
        var contactChanged = false
        if let c = r.contact {
            // A lead created just now has no contacts yet.
            if let existing {
                contactChanged = try updateContact(existing, with: c, db: db, audit: audit)
            } else {
                try createContact(c, lead: lead, sql: sql, db: db, audit: audit)
                contactCreated = true
            }
        }
        if leadCreated { tally.leadsCreated += 1 }
        if contactCreated { tally.contactsCreated += 1 }
        if leadChanged { tally.leadsUpdated += 1 }
        if contactChanged { tally.contactsUpdated += 1 }
        if !(leadCreated || contactCreated || leadChanged || contactChanged) { tally.unchanged += 1 }
        return nil
    }

    private mutating func createLead(_ p: ImportRecord.LeadPart, sql: ImportStatements, db: Database, audit: AuditWriter) throws -> Int64 {
        let created = p.createdAt?.databaseValue ?? storedAt
        let fields = ImportMerge.created(p, defaultProfile: options.defaultProfile, defaultOwner: options.defaultOwner)
        try sql.insertLead.execute([
            p.org.databaseValue, fields.type.databaseValue, fields.specialty.databaseValue, fields.region.databaseValue,
            fields.beds.databaseValue, fields.source.databaseValue, fields.profile.databaseValue,
            fields.consent.rawValue.databaseValue, fields.owner.databaseValue, (p.stage ?? .new).rawValue.databaseValue,
            p.stageReason?.rawValue.databaseValue ?? .null, p.stageNote.databaseValue, created, storedAt, created,
            p.mqlAt?.databaseValue ?? .null, fields.website.databaseValue,
        ])
        let id = db.lastInsertedRowID
        try log(.init(lead: id, action: .create, entity: "lead", entityId: id, new: p.org), audit)
        leadFields[id] = fields
        createdLeads.insert(id)
        return id
    }

    /// Sets what `ImportMerge` says changes; true when something changed.
    private mutating func updateLead(_ id: Int64, with p: ImportRecord.LeadPart, sql: ImportStatements,
                                     audit: AuditWriter) throws -> Bool {
        // Only the columns an import may change (an import runs this for most of its rows).
        guard var fields = try leadFields[id] ?? sql.leadFields.first([id.databaseValue], { c in
            ImportMerge.LeadFields(type: c.text(0), specialty: c.text(1), region: c.text(2), beds: c.int64(3).map(Int.init),
                                   source: c.text(4), profile: c.text(5), owner: c.text(6),
                                   consent: try c.value(Consent.self, 7, table: "lead", row: id), website: c.text(8))
        }) else { return false }
        let changes = ImportMerge.changes(to: &fields, from: p)
        leadFields[id] = fields
        guard !changes.isEmpty else { return false }
        // One statement for all changed columns (each from `ImportMerge`'s fixed list, never from the file).
        let binds = changes.map { c in c.field == "beds" ? fields.beds.databaseValue : c.after.databaseValue }
        try sql.updateLead(columns: changes.map(\.field)).execute(binds + [storedAt, id.databaseValue])
        for c in changes {
            try log(.init(lead: id, action: .update, entity: "lead", entityId: id, field: c.field, old: c.before, new: c.after), audit)
        }
        return true
    }

    /// The lead's contact found by the row's contact keys. `emailIsNew`: no contact anywhere
    /// has that email (just looked up), so only the name can match.
    private func findContact(_ c: ImportRecord.ContactPart, lead: Int64, emailIsNew: Bool,
                             sql: ImportStatements) throws -> Contact? {
        for key in ImportMatching.contactKeys(for: c) {
            let found: Contact?
            switch key {
            case .email(let email):
                found = emailIsNew ? nil : try sql.contact(sql.contactInLeadByEmail, [lead.databaseValue, email.databaseValue])
            case .name(let name):
                found = try sql.contact(sql.contactInLeadByName, [lead.databaseValue, name.databaseValue])
            }
            if let found { return found }
        }
        return nil
    }

    private mutating func createContact(_ c: ImportRecord.ContactPart, lead: Int64, sql: ImportStatements, db: Database,
                                        audit: AuditWriter) throws {
        try sql.insertContact.execute([
            lead.databaseValue, c.name.databaseValue, c.title.databaseValue, c.role?.rawValue.databaseValue ?? .null,
            c.email.databaseValue, c.phone.databaseValue, (c.consent ?? .unknown).rawValue.databaseValue, storedAt,
            c.nameParts?.salutation.databaseValue ?? .null, c.nameParts?.first.databaseValue ?? .null,
            c.nameParts?.last.databaseValue ?? .null, c.nameParts?.suffix.databaseValue ?? .null,
            c.hubSpotId.databaseValue, c.salesforceId.databaseValue, (c.doNotCall == true).databaseValue,
            (c.emailOptOut == true).databaseValue, c.source.databaseValue,
        ])
        try log(.init(lead: lead, action: .create, entity: "contact", entityId: db.lastInsertedRowID, new: c.name), audit)
    }

    private mutating func updateContact(_ old: Contact, with c: ImportRecord.ContactPart, db: Database,
                                        audit: AuditWriter) throws -> Bool {
        let changes = ImportMerge.changes(to: old, from: c)
        guard !changes.isEmpty else { return false }
        // Column names from `ImportMerge`'s fixed list, never from the file.
        let sets = changes.map { "\($0.field) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE contact SET \(sets) WHERE id = ?")
            .execute(arguments: StatementArguments(changes.map { $0.after as DatabaseValueConvertible } + [old.id]))
        for change in changes {
            try log(.init(lead: old.leadId, action: .update, entity: "contact", entityId: old.id, field: change.field,
                          old: change.before, new: change.after), audit)
        }
        return true
    }
}
