import DiscoveryCore
import Foundation
import GRDB

/// Applies import rows to the database inside an open transaction, deduplicating:
/// 1. rows of our own export with the same `lead_id` are one lead;
/// 2. else a contact with the row's email (any lead, case-insensitive) names the lead;
/// 3. else a lead with the same organisation name (case-insensitive); a row of our own export
///    only matches a lead that existed before the import, so two leads of the same name
///    come back as two;
/// 4. else a new lead. Within the lead, the contact is matched by email, then by name.
/// An existing record gets the row's non-empty values; an empty cell never clears a field;
/// consent only moves towards `no` (an import never turns a `no` into `yes`); an existing
/// lead keeps its stage. Every create and update is audited.
struct ImportApplier {
    let options: ImportOptions
    /// `options.at` as stored, converted once (see `AuditWriter.storedAt`).
    private let storedAt: DatabaseValue
    var tally = ImportTally()
    /// `lead_id` of our export → the lead it became (or matched) in this import.
    private var leadsByKey: [String: Int64] = [:]
    /// The highest lead id before the import began.
    private var lastExistingLead: Int64 = 0
    /// Audit entries not yet written: `flushAudit` writes them in blocks, in order.
    private var pendingAudit: [AuditWriter.Entry] = []
    /// Entries per INSERT (10 values each, well under SQLite's limit of 32,766).
    static let auditBlock = 50
    /// Prepared on first use, for the connection of the import.
    private var statements: ImportStatements?
    /// Within one batch (one transaction: no one else writes meanwhile), what this import
    /// already read or wrote: the lead an organisation name gave (rows without `lead_id`) and
    /// the current fields of a lead. Rows of one organisation usually follow one another.
    private var leadByOrg: [String: Int64] = [:]
    private var leadFields: [Int64: LeadFields] = [:]

    init(options: ImportOptions) {
        self.options = options
        self.storedAt = options.at.databaseValue
    }

    mutating func prepare(_ db: Database) throws {
        lastExistingLead = try Int64.fetchOne(db, sql: "SELECT max(id) FROM lead") ?? 0
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

    mutating func apply(_ r: ImportRecord, db: Database, audit: AuditWriter) throws {
        let sql = try statements ?? ImportStatements(db)
        statements = sql
        tally.recordsApplied += 1
        var leadId: Int64?
        var leadCreated = false
        // The contact the row's email names, when the lead was found by it: it is also the
        // contact `findContact` would find (the first with that email is in that lead).
        var contactByEmail: StoredContact?
        var emailIsNew = false
        if let key = r.leadKey { leadId = leadsByKey[key] }
        if leadId == nil, let email = r.contact?.email {
            contactByEmail = try sql.contact(sql.contactByEmail, [email.databaseValue])
            leadId = contactByEmail?.leadId
            emailIsNew = contactByEmail == nil
        }
        // A lead found or created by its organisation name (not by `lead_id` or email): the same
        // name finds it again for the rest of the batch (leads created later have higher ids).
        let byOrg = leadId == nil && r.leadKey == nil
        if byOrg { leadId = leadByOrg[r.lead.org] }
        if leadId == nil {
            let limit = r.leadKey == nil ? Int64.max : lastExistingLead
            leadId = try sql.leadByOrg.first([r.lead.org.databaseValue, limit.databaseValue]) { $0.int64(0) } ?? nil
        }
        var leadChanged = false
        if let id = leadId {
            leadChanged = try updateLead(id, with: r.lead, sql: sql, db: db, audit: audit)
        } else {
            leadId = try createLead(r.lead, sql: sql, db: db, audit: audit)
            leadCreated = true
        }
        guard let lead = leadId else { return }
        if let key = r.leadKey { leadsByKey[key] = lead }
        if byOrg { leadByOrg[r.lead.org] = lead }
        var contactCreated = false
        var contactChanged = false
        if let c = r.contact {
            // A lead created just now has no contacts yet.
            let existing = leadCreated ? nil : try contactByEmail ?? findContact(c, lead: lead, emailIsNew: emailIsNew, sql: sql)
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
    }

    private mutating func createLead(_ p: ImportRecord.LeadPart, sql: ImportStatements, db: Database, audit: AuditWriter) throws -> Int64 {
        let created = p.createdAt?.databaseValue ?? storedAt
        try sql.insertLead.execute([
            p.org.databaseValue, p.type.databaseValue, p.specialty.databaseValue, p.region.databaseValue, p.beds.databaseValue,
            p.source.databaseValue, (p.profile ?? options.defaultProfile).databaseValue, (p.consent ?? .unknown).rawValue.databaseValue,
            (p.owner ?? options.actor).databaseValue, (p.stage ?? .new).rawValue.databaseValue, p.stageReason?.rawValue.databaseValue ?? .null,
            p.stageNote.databaseValue, created, storedAt, created, p.mqlAt?.databaseValue ?? .null,
        ])
        let id = db.lastInsertedRowID
        try log(.init(lead: id, action: .create, entity: "lead", entityId: id, new: p.org), audit)
        leadFields[id] = LeadFields(type: p.type, specialty: p.specialty, region: p.region, beds: p.beds, source: p.source,
                                    profile: p.profile ?? options.defaultProfile, owner: p.owner ?? options.actor,
                                    consent: p.consent ?? .unknown)
        return id
    }

    /// Sets the row's non-empty values that differ; true when something changed.
    private mutating func updateLead(_ id: Int64, with p: ImportRecord.LeadPart, sql: ImportStatements, db: Database,
                                     audit: AuditWriter) throws -> Bool {
        // Only the columns an import may change (an import runs this for most of its rows).
        guard var fields = try leadFields[id] ?? sql.leadFields.first([id.databaseValue], { c in
            LeadFields(type: c.text(0), specialty: c.text(1), region: c.text(2), beds: c.int64(3).map(Int.init), source: c.text(4),
                       profile: c.text(5), owner: c.text(6), consent: c.text(7).flatMap(Consent.init(rawValue:)) ?? .unknown)
        }) else { return false }
        var changes: [(column: String, before: String?, after: String, bind: DatabaseValue)] = []
        func set(_ column: String, _ value: inout String?, _ after: String?) {
            if let after, after != value {
                changes.append((column, value, after, after.databaseValue))
                value = after
            }
        }
        set("type", &fields.type, p.type)
        set("specialty", &fields.specialty, p.specialty)
        set("region", &fields.region, p.region)
        if let beds = p.beds, beds != fields.beds {
            changes.append(("beds", fields.beds.map(String.init), String(beds), beds.databaseValue))
            fields.beds = beds
        }
        set("source", &fields.source, p.source)
        set("profile", &fields.profile, p.profile)
        set("owner", &fields.owner, p.owner)
        if let c = p.consent, Self.consentMayChange(from: fields.consent, to: c) {
            changes.append(("consent", fields.consent.rawValue, c.rawValue, c.rawValue.databaseValue))
            fields.consent = c
        }
        leadFields[id] = fields
        guard !changes.isEmpty else { return false }
        // One statement for all changed columns (each from the fixed list above, never from the file).
        try sql.updateLead(columns: changes.map(\.column)).execute(changes.map(\.bind) + [storedAt, id.databaseValue])
        for c in changes {
            try log(.init(lead: id, action: .update, entity: "lead", entityId: id, field: c.column, old: c.before, new: c.after), audit)
        }
        return true
    }

    /// The lead's contact with the row's email, else with its name. `emailIsNew`: no contact
    /// anywhere has that email (just looked up), so only the name can match.
    private func findContact(_ c: ImportRecord.ContactPart, lead: Int64, emailIsNew: Bool, sql: ImportStatements) throws -> StoredContact? {
        if let email = c.email, !emailIsNew,
           let found = try sql.contact(sql.contactInLeadByEmail, [lead.databaseValue, email.databaseValue]) {
            return found
        }
        return try sql.contact(sql.contactInLeadByName, [lead.databaseValue, c.name.databaseValue])
    }

    private mutating func createContact(_ c: ImportRecord.ContactPart, lead: Int64, sql: ImportStatements, db: Database,
                                        audit: AuditWriter) throws {
        try sql.insertContact.execute([
            lead.databaseValue, c.name.databaseValue, c.title.databaseValue, c.role?.rawValue.databaseValue ?? .null,
            c.email.databaseValue, c.phone.databaseValue, (c.consent ?? .unknown).rawValue.databaseValue, storedAt,
        ])
        try log(.init(lead: lead, action: .create, entity: "contact", entityId: db.lastInsertedRowID, new: c.name), audit)
    }

    private mutating func updateContact(_ old: StoredContact, with c: ImportRecord.ContactPart, db: Database, audit: AuditWriter) throws -> Bool {
        var changes: [(String, String?, String)] = []
        func set(_ column: String, _ before: String?, _ after: String?) {
            if let after, after != before { changes.append((column, before, after)) }
        }
        set("name", old.name, c.name)
        set("title", old.title, c.title)
        set("role", old.role?.rawValue, c.role?.rawValue)
        set("email", old.email, c.email)
        set("phone", old.phone, c.phone)
        if let consent = c.consent, Self.consentMayChange(from: old.consent, to: consent) {
            changes.append(("consent", old.consent.rawValue, consent.rawValue))
        }
        guard !changes.isEmpty else { return false }
        let sets = changes.map { "\($0.0) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE contact SET \(sets) WHERE id = ?")
            .execute(arguments: StatementArguments(changes.map { $0.2 as DatabaseValueConvertible } + [old.id]))
        for (field, before, after) in changes {
            try log(.init(lead: old.leadId, action: .update, entity: "contact", entityId: old.id, field: field, old: before, new: after), audit)
        }
        return true
    }

    /// An import records a `no` always, and a `yes` only where nothing was known.
    static func consentMayChange(from old: Consent, to new: Consent) -> Bool {
        guard new != old else { return false }
        return new == .no || old == .unknown
    }
}
