import DiscoveryCore
import Foundation

/// What the import flow asks of a backend within one batch: the lookups `ImportMatching`'s
/// keys need, and the writes `ImportMerge` decides. A backend may answer from the database row
/// by row (SQLite) or from what it fetched for the whole batch up front and queue the writes
/// (PostgreSQL); either way an answer sees every write asked for before it.
public protocol ImportBook {
    /// The first contact (lowest id) of any lead with this email, ignoring case.
    mutating func contact(email: String) throws -> Contact?
    /// The first contact of `lead` with this email / name, ignoring case.
    mutating func contact(lead: Int64, email: String) throws -> Contact?
    mutating func contact(lead: Int64, name: String) throws -> Contact?
    /// The leads of this organisation name, ignoring case, lowest id first.
    mutating func leads(org: String) throws -> [Int64]
    /// The fields an import may change of a lead; nil when there is no such lead.
    mutating func leadFields(_ id: Int64) throws -> ImportMerge.LeadFields?
    /// Creates a lead with `fields` (and the row's stage, dates and organisation); its id.
    mutating func createLead(_ row: ImportRecord.LeadPart, fields: ImportMerge.LeadFields) throws -> Int64
    /// Sets `changes` (names from `ImportMerge`'s fixed list) of a lead whose fields are now `fields`.
    mutating func updateLead(_ id: Int64, changes: [ImportMerge.Change], fields: ImportMerge.LeadFields) throws
    /// Creates a contact of `lead`; its id.
    mutating func createContact(_ row: ImportRecord.ContactPart, lead: Int64) throws -> Int64
    /// Sets `changes` (names from `ImportMerge`'s fixed list) of a contact.
    mutating func updateContact(_ old: Contact, changes: [ImportMerge.Change]) throws
    /// Records an audit entry of the batch's change, in order.
    mutating func audit(_ entry: ImportAuditEntry) throws
}

/// One audit entry of an import.
public struct ImportAuditEntry: Sendable, Equatable {
    public var lead: Int64?
    public var action: AuditAction
    public var entity: String
    public var entityId: Int64?
    public var field: String?
    public var old: String?
    public var new: String?

    public init(lead: Int64?, action: AuditAction, entity: String, entityId: Int64?, field: String? = nil,
                old: String? = nil, new: String? = nil) {
        self.lead = lead
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.field = field
        self.old = old
        self.new = new
    }
}

/// The per-row import flow of both backends: each row's lead and contact are looked up by the
/// keys `ImportMatching` gives, in order, and changed as `ImportMerge` says; every create and
/// update is audited.
///
/// What it remembers within a batch (the lead an organisation name gave, a lead's current
/// fields) stays true because a batch is one transaction holding the import's write lock. What
/// it remembers across batches (the lead an export key became, the leads this import created)
/// is its own doing, whatever other writers do meanwhile.
public struct ImportFlow: Sendable {
    public let options: ImportOptions
    public var tally = ImportTally()
    /// `lead_id` of our export → the lead it became (or matched) in this import.
    private var leadsByKey: [String: Int64] = [:]
    /// The leads this import created (a row of our own export never matches them by name).
    private var createdLeads: Set<Int64> = []
    /// Within one batch: the lead an organisation name gave (rows without `lead_id`) and the
    /// current fields of a lead. Rows of one organisation usually follow one another.
    private var leadByOrg: [String: Int64] = [:]
    private var leadFields: [Int64: ImportMerge.LeadFields] = [:]

    public init(options: ImportOptions) {
        self.options = options
    }

    /// The lead an export key became earlier in this import.
    public func lead(exportKey: String) -> Int64? { leadsByKey[exportKey] }

    /// Forgets what was remembered of the batch (call it whenever the book stops answering
    /// from the same batch state).
    public mutating func endBatch() {
        leadByOrg.removeAll(keepingCapacity: true)
        leadFields.removeAll(keepingCapacity: true)
    }

    /// Replaces lead ids a book handed out provisionally by the ids the database gave
    /// (`ids[provisional]`); call it after `endBatch`.
    public mutating func renumberLeads(_ ids: [Int64: Int64]) {
        guard !ids.isEmpty else { return }
        for (key, id) in leadsByKey { if let real = ids[id] { leadsByKey[key] = real } }
        // Only this batch's leads change: the set of every lead created so far is not rebuilt.
        for (provisional, real) in ids where createdLeads.remove(provisional) != nil { createdLeads.insert(real) }
    }

    /// Applies one row; returns the conflict when the row's email names another person (nothing
    /// of the row is then applied).
    public mutating func apply<Book: ImportBook>(_ r: ImportRecord, book: inout Book) throws -> ImportRowError? {
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
                contactByEmail = try book.contact(email: email)
                leadId = contactByEmail?.leadId
                emailIsNew = contactByEmail == nil
            case .organisation(let org, let includingCreated):
                if includingCreated, let id = leadByOrg[org] {
                    leadId = id
                } else {
                    leadId = try book.leads(org: org).first { includingCreated || !createdLeads.contains($0) }
                }
            }
            if leadId != nil { break lookup }
        }
        // The contact the row is about, looked for before anything changes: a row whose email
        // names another person changes nothing.
        var existing: Contact?
        if let id = leadId, let c = r.contact {
            existing = try contactByEmail ?? findContact(c, lead: id, emailIsNew: emailIsNew, book: &book)
            if let found = existing, let email = c.email, found.email?.lowercased() == email.lowercased(),
               let message = ImportMatching.conflict(existing: found, row: c, leadLabel: "L\(found.leadId)") {
                tally.conflicts += 1
                return ImportRowError(line: r.line, message: message)
            }
        }
        var leadChanged = false
        var leadCreated = false
        if let id = leadId {
            leadChanged = try updateLead(id, with: r.lead, book: &book)
        } else {
            leadId = try createLead(r.lead, book: &book)
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
                contactChanged = try updateContact(existing, with: c, book: &book)
            } else {
                let id = try book.createContact(c, lead: lead)
                try book.audit(.init(lead: lead, action: .create, entity: "contact", entityId: id, new: c.name))
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

    private mutating func createLead<Book: ImportBook>(_ p: ImportRecord.LeadPart, book: inout Book) throws -> Int64 {
        let fields = ImportMerge.created(p, defaultProfile: options.defaultProfile, defaultOwner: options.defaultOwner)
        let id = try book.createLead(p, fields: fields)
        try book.audit(.init(lead: id, action: .create, entity: "lead", entityId: id, new: p.org))
        leadFields[id] = fields
        createdLeads.insert(id)
        return id
    }

    /// Sets what `ImportMerge` says changes; true when something changed.
    private mutating func updateLead<Book: ImportBook>(_ id: Int64, with p: ImportRecord.LeadPart, book: inout Book) throws -> Bool {
        guard var fields = try leadFields[id] ?? book.leadFields(id) else { return false }
        let changes = ImportMerge.changes(to: &fields, from: p)
        leadFields[id] = fields
        guard !changes.isEmpty else { return false }
        try book.updateLead(id, changes: changes, fields: fields)
        for c in changes {
            try book.audit(.init(lead: id, action: .update, entity: "lead", entityId: id, field: c.field, old: c.before, new: c.after))
        }
        return true
    }

    /// The lead's contact found by the row's contact keys. `emailIsNew`: no contact anywhere
    /// has that email (just looked up), so only the name can match.
    private func findContact<Book: ImportBook>(_ c: ImportRecord.ContactPart, lead: Int64, emailIsNew: Bool,
                                               book: inout Book) throws -> Contact? {
        for key in ImportMatching.contactKeys(for: c) {
            let found: Contact?
            switch key {
            case .email(let email):
                found = emailIsNew ? nil : try book.contact(lead: lead, email: email)
            case .name(let name):
                found = try book.contact(lead: lead, name: name)
            }
            if let found { return found }
        }
        return nil
    }

    private func updateContact<Book: ImportBook>(_ old: Contact, with c: ImportRecord.ContactPart, book: inout Book) throws -> Bool {
        let changes = ImportMerge.changes(to: old, from: c)
        guard !changes.isEmpty else { return false }
        try book.updateContact(old, changes: changes)
        for change in changes {
            try book.audit(.init(lead: old.leadId, action: .update, entity: "contact", entityId: old.id, field: change.field,
                                 old: change.before, new: change.after))
        }
        return true
    }
}
