import DiscoveryCore
import DiscoveryStorage
import Foundation

/// Applies import rows inside an open transaction, as `ImportMatching` and `ImportMerge` in the
/// core decide (the SQLite store's `ImportApplier` does the same on its statements). A batch
/// holds `EXCLUSIVE` locks on `lead` and `contact`: what it remembers within the batch (the
/// lead an organisation name gave, a lead's fields) stays true, as SQLite's single writer
/// guarantees there; teammates' reads go on, their writes wait for the batch.
struct PostgresImport {
    let options: ImportOptions
    var tally = ImportTally()
    private var leadsByKey: [String: Int64] = [:]
    private var createdLeads: Set<Int64> = []
    private var leadByOrg: [String: Int64] = [:]
    private var leadFields: [Int64: ImportMerge.LeadFields] = [:]

    static let contactColumns = "SELECT * FROM contact"

    init(options: ImportOptions) {
        self.options = options
    }

    func beginBatch(_ s: SQLSession) throws {
        try s.exec("LOCK TABLE lead, contact IN EXCLUSIVE MODE")
    }

    mutating func endBatch() {
        leadByOrg.removeAll(keepingCapacity: true)
        leadFields.removeAll(keepingCapacity: true)
    }

    private func contact(_ s: SQLSession, _ whereClause: String, _ values: [SQLValue]) throws -> Contact? {
        guard let r = try s.rows("\(Self.contactColumns) WHERE \(whereClause) ORDER BY id LIMIT 1", values: values).first else {
            return nil
        }
        return try RecordRows.contact(r)
    }

    /// Applies one row; returns the conflict when the row's email names another person (nothing
    /// of the row is then applied).
    mutating func apply(_ r: ImportRecord, s: SQLSession, audit: AuditLog) throws -> ImportRowError? {
        tally.recordsApplied += 1
        var contactByEmail: Contact?
        var emailIsNew = false
        var leadId: Int64?
        lookup: for key in ImportMatching.leadKeys(for: r) {
            switch key {
            case .exportKey(let k):
                leadId = leadsByKey[k]
            case .email(let email):
                contactByEmail = try contact(s, "lower(email) = lower($1)", [.t(email)])
                leadId = contactByEmail?.leadId
                emailIsNew = contactByEmail == nil
            case .organisation(let org, let includingCreated):
                if includingCreated, let id = leadByOrg[org] {
                    leadId = id
                } else {
                    let ids = try s.rows("SELECT id FROM lead WHERE lower(org) = lower($1) ORDER BY id", .t(org))
                        .map { try $0.int64(required: "id") }
                    leadId = ids.first { includingCreated || !createdLeads.contains($0) }
                }
            }
            if leadId != nil { break lookup }
        }
        // The contact the row is about, looked for before anything changes.
        var existing: Contact?
        if let id = leadId, let c = r.contact {
            existing = try contactByEmail ?? findContact(c, lead: id, emailIsNew: emailIsNew, s: s)
            if let found = existing, let email = c.email, found.email?.lowercased() == email.lowercased(),
               let message = ImportMatching.conflict(existing: found, row: c, leadLabel: "L\(found.leadId)") {
                tally.conflicts += 1
                return ImportRowError(line: r.line, message: message)
            }
        }
        var leadChanged = false
        var leadCreated = false
        if let id = leadId {
            leadChanged = try updateLead(id, with: r.lead, s: s, audit: audit)
        } else {
            leadId = try createLead(r.lead, s: s, audit: audit)
            leadCreated = true
        }
        guard let lead = leadId else { return nil }
        if let key = r.leadKey { leadsByKey[key] = lead }
        if r.leadKey == nil && contactByEmail == nil { leadByOrg[r.lead.org] = lead }
        var contactCreated = false
        var contactChanged = false
        if let c = r.contact {
            if let existing {
                contactChanged = try updateContact(existing, with: c, s: s, audit: audit)
            } else {
                let id = try s.insert("""
                    INSERT INTO contact (lead_id, name, title, role, email, phone, consent, created_at,
                                         salutation, first_name, last_name, suffix, hubspot_id, salesforce_id,
                                         do_not_call, email_opt_out, source)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                    """, .i(lead), .t(c.name), .t(c.title), .t(c.role?.rawValue), .t(c.email), .t(c.phone),
                    .t((c.consent ?? .unknown).rawValue), .d(options.at), .t(c.nameParts?.salutation), .t(c.nameParts?.first),
                    .t(c.nameParts?.last), .t(c.nameParts?.suffix), .t(c.hubSpotId), .t(c.salesforceId),
                    .i(c.doNotCall == true ? Int64(1) : 0), .i(c.emailOptOut == true ? Int64(1) : 0), .t(c.source))
                try audit.record(lead: lead, action: .create, entity: "contact", entityId: id, new: c.name)
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

    private mutating func createLead(_ p: ImportRecord.LeadPart, s: SQLSession, audit: AuditLog) throws -> Int64 {
        let created = p.createdAt ?? options.at
        let f = ImportMerge.created(p, defaultProfile: options.defaultProfile, defaultOwner: options.defaultOwner)
        let id = try s.insert("""
            INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage, stage_reason,
                              stage_note, created_at, updated_at, stage_changed_at, mql_at, website)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $15, $16)
            """, .t(p.org), .t(f.type), .t(f.specialty), .t(f.region), .i(f.beds), .t(f.source), .t(f.profile),
            .t(f.consent.rawValue), .t(f.owner), .t((p.stage ?? .new).rawValue), .t(p.stageReason?.rawValue),
            .t(p.stageNote), .d(created), .d(options.at), .d(p.mqlAt), .t(f.website))
        try audit.record(lead: id, action: .create, entity: "lead", entityId: id, new: p.org)
        leadFields[id] = f
        createdLeads.insert(id)
        return id
    }

    private mutating func updateLead(_ id: Int64, with p: ImportRecord.LeadPart, s: SQLSession, audit: AuditLog) throws -> Bool {
        var fields: ImportMerge.LeadFields
        if let known = leadFields[id] {
            fields = known
        } else {
            guard let c = try s.one("SELECT type, specialty, region, beds, source, profile, owner, consent, website, id FROM lead WHERE id = $1",
                                    .i(id)) else { return false }
            fields = ImportMerge.LeadFields(type: try c.text("type"), specialty: try c.text("specialty"), region: try c.text("region"),
                                            beds: try c.int("beds"), source: try c.text("source"), profile: try c.text("profile"),
                                            owner: try c.text("owner"), consent: try c.value(Consent.self, "consent", table: "lead"),
                                            website: try c.text("website"))
        }
        let changes = ImportMerge.changes(to: &fields, from: p)
        leadFields[id] = fields
        guard !changes.isEmpty else { return false }
        // Column names from `ImportMerge`'s fixed list, never from the file.
        var values: [SQLValue] = changes.map { c in c.field == "beds" ? .i(fields.beds) : .t(c.after) }
        let sets = changes.enumerated().map { "\($0.element.field) = $\($0.offset + 1)" }.joined(separator: ", ")
        values += [.d(options.at), .i(id)]
        try s.exec("UPDATE lead SET \(sets), updated_at = $\(changes.count + 1) WHERE id = $\(changes.count + 2)", values: values)
        for c in changes {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: c.field, old: c.before, new: c.after)
        }
        return true
    }

    private func findContact(_ c: ImportRecord.ContactPart, lead: Int64, emailIsNew: Bool, s: SQLSession) throws -> Contact? {
        for key in ImportMatching.contactKeys(for: c) {
            let found: Contact?
            switch key {
            case .email(let email):
                found = emailIsNew ? nil : try contact(s, "lead_id = $1 AND lower(email) = lower($2)", [.i(lead), .t(email)])
            case .name(let name):
                found = try contact(s, "lead_id = $1 AND lower(name) = lower($2)", [.i(lead), .t(name)])
            }
            if let found { return found }
        }
        return nil
    }

    private func updateContact(_ old: Contact, with c: ImportRecord.ContactPart, s: SQLSession,
                               audit: AuditLog) throws -> Bool {
        let changes = ImportMerge.changes(to: old, from: c)
        guard !changes.isEmpty else { return false }
        let sets = changes.enumerated().map { "\($0.element.field) = $\($0.offset + 1)" }.joined(separator: ", ")
        try s.exec("UPDATE contact SET \(sets) WHERE id = $\(changes.count + 1)", values: changes.map { .t($0.after) } + [.i(old.id)])
        for change in changes {
            try audit.record(lead: old.leadId, action: .update, entity: "contact", entityId: old.id, field: change.field,
                             old: change.before, new: change.after)
        }
        return true
    }
}

extension PostgresStore: ImportStorage {
    /// One transaction per batch; with `dryRun` the batches run in one transaction that is rolled back.
    public func importRows(_ options: ImportOptions, next: () throws(DiscoveryError) -> ImportItem?,
                           onBad: (ImportRowError) -> Void, progress: (ImportTally) -> Void) throws(DiscoveryError) -> ImportTally {
        var applier = PostgresImport(options: options)
        var finished = false
        var batchStartLine = 1
        func runBatch(_ s: SQLSession, _ audit: AuditLog) throws {
            try applier.beginBatch(s)
            var n = 0
            while n < options.batchSize {
                guard let item = try next() else { finished = true; break }
                switch item {
                case .bad(let e):
                    applier.tally.skipped += 1
                    onBad(e)
                case .record(let r):
                    if n == 0 { batchStartLine = r.line }
                    if let conflict = try applier.apply(r, s: s, audit: audit) { onBad(conflict) }
                    n += 1
                }
                if (applier.tally.rows % 500) == 0 { progress(applier.tally) }
            }
            applier.endBatch()
        }
        do {
            if options.dryRun {
                try dryRun(actor: options.actor, at: options.at) { s, audit in
                    while !finished { try runBatch(s, audit) }
                }
            } else {
                while !finished {
                    try change(actor: options.actor, at: options.at) { s, audit in try runBatch(s, audit) }
                }
            }
        } catch let e where e.kind == .storage && !options.dryRun {
            throw DiscoveryError.storage("\(e.message). Rows before line \(batchStartLine) were imported; import the file again to add the rest (rows already imported are found and left as they are)")
        }
        progress(applier.tally)
        return applier.tally
    }
}
