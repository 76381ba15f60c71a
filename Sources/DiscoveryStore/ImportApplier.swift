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
    var tally = ImportTally()
    /// `lead_id` of our export → the lead it became (or matched) in this import.
    private var leadsByKey: [String: Int64] = [:]
    /// The highest lead id before the import began.
    private var lastExistingLead: Int64 = 0

    init(options: ImportOptions) {
        self.options = options
    }

    mutating func prepare(_ db: Database) throws {
        lastExistingLead = try Int64.fetchOne(db, sql: "SELECT max(id) FROM lead") ?? 0
    }

    mutating func apply(_ r: ImportRecord, db: Database, audit: AuditWriter) throws {
        tally.recordsApplied += 1
        var leadId: Int64?
        var leadCreated = false
        if let key = r.leadKey { leadId = leadsByKey[key] }
        if leadId == nil, let email = r.contact?.email {
            leadId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT lead_id FROM contact WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1"),
                                        arguments: [email])
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
            if let existing = try findContact(c, lead: lead, db: db) {
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

    private func createLead(_ p: ImportRecord.LeadPart, db: Database, audit: AuditWriter) throws -> Int64 {
        let created = p.createdAt ?? options.at
        try db.cachedStatement(sql: """
            INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage, stage_reason,
                              stage_note, created_at, updated_at, stage_changed_at, mql_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [p.org, p.type, p.specialty, p.region, p.beds, p.source, p.profile ?? options.defaultProfile,
                             (p.consent ?? .unknown).rawValue, p.owner ?? options.actor, (p.stage ?? .new).rawValue,
                             p.stageReason?.rawValue, p.stageNote, created, options.at, created, p.mqlAt])
        let id = db.lastInsertedRowID
        try audit.record(lead: id, action: .create, entity: "lead", entityId: id, new: p.org)
        return id
    }

    /// Sets the row's non-empty values that differ; true when something changed.
    private func updateLead(_ id: Int64, with p: ImportRecord.LeadPart, db: Database, audit: AuditWriter) throws -> Bool {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM lead WHERE id = ?"), arguments: [id]) else { return false }
        let old = Lead(row: row)
        var changes: [(column: String, before: String?, after: String, bind: DatabaseValueConvertible)] = []
        func set(_ column: String, _ before: String?, _ after: String?) {
            if let after, after != before { changes.append((column, before, after, after)) }
        }
        set("type", old.type, p.type)
        set("specialty", old.specialty, p.specialty)
        set("region", old.region, p.region)
        if let beds = p.beds, beds != old.beds { changes.append(("beds", old.beds.map(String.init), String(beds), beds)) }
        set("source", old.source, p.source)
        set("profile", old.profile, p.profile)
        set("owner", old.owner, p.owner)
        if let c = p.consent, Self.consentMayChange(from: old.consent, to: c) {
            changes.append(("consent", old.consent.rawValue, c.rawValue, c.rawValue))
        }
        for change in changes {
            // `column` comes from the fixed list above, never from the file.
            try db.cachedStatement(sql: "UPDATE lead SET \(change.column) = ?, updated_at = ? WHERE id = ?")
                .execute(arguments: [change.bind, options.at, id])
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: change.column,
                             old: change.before, new: change.after)
        }
        return !changes.isEmpty
    }

    private func findContact(_ c: ImportRecord.ContactPart, lead: Int64, db: Database) throws -> Contact? {
        if let email = c.email, let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM contact WHERE lead_id = ? AND email = ? COLLATE NOCASE ORDER BY id LIMIT 1
            """), arguments: [lead, email]) {
            return Contact(row: row)
        }
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM contact WHERE lead_id = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1"),
                                arguments: [lead, c.name]).map(Contact.init)
    }

    private func createContact(_ c: ImportRecord.ContactPart, lead: Int64, db: Database, audit: AuditWriter) throws {
        try db.cachedStatement(sql: """
            INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [lead, c.name, c.title, c.role?.rawValue, c.email, c.phone, (c.consent ?? .unknown).rawValue, options.at])
        try audit.record(lead: lead, action: .create, entity: "contact", entityId: db.lastInsertedRowID, new: c.name)
    }

    private func updateContact(_ old: Contact, with c: ImportRecord.ContactPart, db: Database, audit: AuditWriter) throws -> Bool {
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
        for (column, before, after) in changes {
            try db.cachedStatement(sql: "UPDATE contact SET \(column) = ? WHERE id = ?").execute(arguments: [after, old.id])
            try audit.record(lead: old.leadId, action: .update, entity: "contact", entityId: old.id, field: column,
                             old: before, new: after)
        }
        return !changes.isEmpty
    }

    /// An import records a `no` always, and a `yes` only where nothing was known.
    static func consentMayChange(from old: Consent, to new: Consent) -> Bool {
        guard new != old else { return false }
        return new == .no || old == .unknown
    }
}
