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

    /// Writes the queued audit entries; `importRows` calls it before each batch commits.
    mutating func flushAudit(_ audit: AuditWriter) throws {
        try audit.record(pendingAudit[...])
        pendingAudit.removeAll(keepingCapacity: true)
    }

    mutating func apply(_ r: ImportRecord, db: Database, audit: AuditWriter) throws {
        tally.recordsApplied += 1
        var leadId: Int64?
        var leadCreated = false
        // The contact the row's email names, when the lead was found by it: it is also the
        // contact `findContact` would find (the first with that email is in that lead).
        var contactByEmail: StoredContact?
        var emailIsNew = false
        if let key = r.leadKey { leadId = leadsByKey[key] }
        if leadId == nil, let email = r.contact?.email {
            contactByEmail = try StoredContact.fetch(db, where: "email = ? COLLATE NOCASE", [email])
            leadId = contactByEmail?.leadId
            emailIsNew = contactByEmail == nil
        }
        if leadId == nil {
            let limit = r.leadKey == nil ? Int64.max : lastExistingLead
            leadId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM lead WHERE org = ? COLLATE NOCASE AND id <= ? ORDER BY id LIMIT 1"),
                                        arguments: [r.lead.org, limit])
        }
        var leadChanged = false
        if let id = leadId {
            leadChanged = try updateLead(id, with: r.lead, db: db, audit: audit)
        } else {
            leadId = try createLead(r.lead, db: db, audit: audit)
            leadCreated = true
        }
        guard let lead = leadId else { return }
        if let key = r.leadKey { leadsByKey[key] = lead }
        var contactCreated = false
        var contactChanged = false
        if let c = r.contact {
            // A lead created just now has no contacts yet.
            let existing = leadCreated ? nil : try contactByEmail ?? findContact(c, lead: lead, emailIsNew: emailIsNew, db: db)
            if let existing {
                contactChanged = try updateContact(existing, with: c, db: db, audit: audit)
            } else {
                try createContact(c, lead: lead, db: db, audit: audit)
                contactCreated = true
            }
        }
        if leadCreated { tally.leadsCreated += 1 }
        if contactCreated { tally.contactsCreated += 1 }
        if leadChanged { tally.leadsUpdated += 1 }
        if contactChanged { tally.contactsUpdated += 1 }
        if !(leadCreated || contactCreated || leadChanged || contactChanged) { tally.unchanged += 1 }
    }

    private mutating func createLead(_ p: ImportRecord.LeadPart, db: Database, audit: AuditWriter) throws -> Int64 {
        let created = p.createdAt?.databaseValue ?? storedAt
        try db.cachedStatement(sql: """
            INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage, stage_reason,
                              stage_note, created_at, updated_at, stage_changed_at, mql_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [p.org, p.type, p.specialty, p.region, p.beds, p.source, p.profile ?? options.defaultProfile,
                             (p.consent ?? .unknown).rawValue, p.owner ?? options.actor, (p.stage ?? .new).rawValue,
                             p.stageReason?.rawValue, p.stageNote, created, storedAt, created, p.mqlAt])
        let id = db.lastInsertedRowID
        try log(.init(lead: id, action: .create, entity: "lead", entityId: id, new: p.org), audit)
        return id
    }

    /// Sets the row's non-empty values that differ; true when something changed.
    private mutating func updateLead(_ id: Int64, with p: ImportRecord.LeadPart, db: Database, audit: AuditWriter) throws -> Bool {
        // Only the columns an import may change (an import runs this for most of its rows).
        guard let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT type, specialty, region, beds, source, profile, owner, consent FROM lead WHERE id = ?
            """), arguments: [id]) else { return false }
        var changes: [(column: String, before: String?, after: String, bind: DatabaseValueConvertible)] = []
        func set(_ column: String, _ before: String?, _ after: String?) {
            if let after, after != before { changes.append((column, before, after, after)) }
        }
        set("type", old[0], p.type)
        set("specialty", old[1], p.specialty)
        set("region", old[2], p.region)
        let oldBeds: Int? = old[3]
        if let beds = p.beds, beds != oldBeds { changes.append(("beds", oldBeds.map(String.init), String(beds), beds)) }
        set("source", old[4], p.source)
        set("profile", old[5], p.profile)
        set("owner", old[6], p.owner)
        let oldConsent = Consent(rawValue: old[7]) ?? .unknown
        if let c = p.consent, Self.consentMayChange(from: oldConsent, to: c) {
            changes.append(("consent", oldConsent.rawValue, c.rawValue, c.rawValue))
        }
        guard !changes.isEmpty else { return false }
        // One statement for all changed columns; each `column` comes from the fixed list above,
        // never from the file.
        let sets = changes.map { "\($0.column) = ?, " }.joined()
        try db.cachedStatement(sql: "UPDATE lead SET \(sets)updated_at = ? WHERE id = ?")
            .execute(arguments: StatementArguments(changes.map(\.bind) + [storedAt, id]))
        for c in changes {
            try log(.init(lead: id, action: .update, entity: "lead", entityId: id, field: c.column, old: c.before, new: c.after), audit)
        }
        return true
    }

    /// The lead's contact with the row's email, else with its name. `emailIsNew`: no contact
    /// anywhere has that email (just looked up), so only the name can match.
    private func findContact(_ c: ImportRecord.ContactPart, lead: Int64, emailIsNew: Bool, db: Database) throws -> StoredContact? {
        if let email = c.email, !emailIsNew,
           let found = try StoredContact.fetch(db, where: "lead_id = ? AND email = ? COLLATE NOCASE", [lead, email]) {
            return found
        }
        return try StoredContact.fetch(db, where: "lead_id = ? AND name = ? COLLATE NOCASE", [lead, c.name])
    }

    private mutating func createContact(_ c: ImportRecord.ContactPart, lead: Int64, db: Database, audit: AuditWriter) throws {
        try db.cachedStatement(sql: """
            INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [lead, c.name, c.title, c.role?.rawValue, c.email, c.phone, (c.consent ?? .unknown).rawValue, storedAt])
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

/// The fields of a stored contact an import compares, read by position.
struct StoredContact {
    let id: Int64
    let leadId: Int64
    let name: String
    let title: String?
    let role: ContactRole?
    let email: String?
    let phone: String?
    let consent: Consent

    /// The first contact (lowest id) matching `condition`, a fixed SQL text.
    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> StoredContact? {
        let sql = "SELECT id, lead_id, name, title, role, email, phone, consent FROM contact WHERE \(condition) ORDER BY id LIMIT 1"
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else { return nil }
        return StoredContact(id: row[0], leadId: row[1], name: row[2], title: row[3],
                             role: (row[4] as String?).flatMap(ContactRole.init(rawValue:)), email: row[5], phone: row[6],
                             consent: Consent(rawValue: row[7]) ?? .unknown)
    }
}
