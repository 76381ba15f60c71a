import DiscoveryCore
import DiscoveryStorage
import Foundation

/// The import's view of the database for one slice of rows (`ImportFlow` asks it): everything
/// the slice's rows can match is fetched up front in four set-based statements (contacts by
/// email, leads by organisation, then contacts by name and the fields of the leads those can
/// be in), answered from memory, and the writes are queued and sent at the end as set-based
/// statements. A round trip per statement, not per row.
///
/// It answers exactly as the database would at that point: the import holds `EXCLUSIVE` locks
/// on `lead` and `contact`, so nothing else changes them, and every contact or lead the slice
/// could find by a key, or changes, is in memory. New rows get provisional ids above any real
/// one, in creation order (so "lowest id first" holds), replaced by the database's at `flush`.
struct PostgresImportBook: ImportBook {
    /// The first provisional id; a real id never gets there.
    static let firstProvisional: Int64 = 1 << 62

    private struct NameKey: Hashable {
        var lead: Int64
        var name: String
    }

    private let at: Date
    private var contacts: [Int64: Contact] = [:]
    private var contactsByEmail: [String: Set<Int64>] = [:]
    private var contactsByName: [NameKey: Set<Int64>] = [:]
    private var leadsByOrg: [String: [Int64]] = [:]
    private var fields: [Int64: ImportMerge.LeadFields] = [:]
    private var nextId = firstProvisional
    /// The leads created in this slice (their fields, as they are by the end of it, in `fields`).
    private var newLeads: [(id: Int64, row: ImportRecord.LeadPart)] = []
    private var newContacts: [Int64] = []
    /// Changed columns of each lead / contact, in the order first changed.
    private var leadUpdates: [(id: Int64, columns: Set<String>)] = []
    private var leadUpdateIndex: [Int64: Int] = [:]
    private var contactUpdates: [(id: Int64, columns: Set<String>)] = []
    private var contactUpdateIndex: [Int64: Int] = [:]
    private var entries: [ImportAuditEntry] = []

    /// Fetches what `records` can match. `exportKeyLead`: the lead an export key became earlier in
    /// the import. The statements have no `ORDER BY id` (leads are put in id order here, contacts
    /// need none): on a table without planner statistics yet (one that grew within the import)
    /// PostgreSQL would otherwise walk the whole primary key in id order, filtering each row.
    init(_ s: SQLSession, records: [ImportRecord], at: Date, exportKeyLead: (String) -> Int64?) throws {
        self.at = at
        let emails = Set(records.compactMap { $0.contact?.email?.lowercased() })
        let orgs = Set(records.map { $0.lead.org.lowercased() })
        if !emails.isEmpty {
            for r in try s.rows("SELECT * FROM contact WHERE lower(email) = ANY($1)", .texts(Array(emails))) {
                remember(try RecordRows.contact(r))
            }
        }
        for r in try s.rows("\(Self.leadColumns) WHERE lower(org) = ANY($1)", .texts(Array(orgs))) {
            let (id, org) = try rememberLead(r)
            leadsByOrg[org.lowercased(), default: []].append(id)
        }
        for org in leadsByOrg.keys { leadsByOrg[org]?.sort() }
        var leads = Set(contacts.values.map(\.leadId)).union(fields.keys)
        for r in records { if let key = r.leadKey, let id = exportKeyLead(key) { leads.insert(id) } }
        let names = Set(records.compactMap { $0.contact?.name.lowercased() })
        if !names.isEmpty && !leads.isEmpty {
            for r in try s.rows("SELECT * FROM contact WHERE lead_id = ANY($1) AND lower(name) = ANY($2)",
                                .ints(Array(leads)), .texts(Array(names))) {
                let c = try RecordRows.contact(r)
                if contacts[c.id] == nil { remember(c) }
            }
        }
        let unknown = leads.subtracting(fields.keys)
        if !unknown.isEmpty {
            for r in try s.rows("\(Self.leadColumns) WHERE id = ANY($1)", .ints(Array(unknown))) { _ = try rememberLead(r) }
        }
    }

    private static let leadColumns = "SELECT id, org, type, specialty, region, beds, source, profile, owner, consent, website FROM lead"

    private mutating func rememberLead(_ c: SQLRow) throws -> (Int64, String) {
        let id = try c.int64(required: "id")
        fields[id] = ImportMerge.LeadFields(type: try c.text("type"), specialty: try c.text("specialty"), region: try c.text("region"),
                                            beds: try c.int("beds"), source: try c.text("source"), profile: try c.text("profile"),
                                            owner: try c.text("owner"), consent: try c.value(Consent.self, "consent", table: "lead"),
                                            website: try c.text("website"))
        return (id, try c.text(required: "org"))
    }

    private mutating func remember(_ c: Contact) {
        contacts[c.id] = c
        if let email = c.email { contactsByEmail[email.lowercased(), default: []].insert(c.id) }
        contactsByName[NameKey(lead: c.leadId, name: c.name.lowercased()), default: []].insert(c.id)
    }

    private mutating func forget(_ c: Contact) {
        if let email = c.email { contactsByEmail[email.lowercased()]?.remove(c.id) }
        contactsByName[NameKey(lead: c.leadId, name: c.name.lowercased())]?.remove(c.id)
    }

    private func first(_ ids: Set<Int64>?, where include: (Contact) -> Bool = { _ in true }) -> Contact? {
        ids?.sorted().lazy.compactMap { contacts[$0] }.first(where: include)
    }

    // MARK: ImportBook

    func contact(email: String) -> Contact? {
        first(contactsByEmail[email.lowercased()])
    }

    func contact(lead: Int64, email: String) -> Contact? {
        first(contactsByEmail[email.lowercased()]) { $0.leadId == lead }
    }

    func contact(lead: Int64, name: String) -> Contact? {
        first(contactsByName[NameKey(lead: lead, name: name.lowercased())])
    }

    func leads(org: String) -> [Int64] {
        leadsByOrg[org.lowercased()] ?? []
    }

    func leadFields(_ id: Int64) -> ImportMerge.LeadFields? {
        fields[id]
    }

    mutating func createLead(_ row: ImportRecord.LeadPart, fields f: ImportMerge.LeadFields) -> Int64 {
        let id = nextId
        nextId += 1
        newLeads.append((id, row))
        leadsByOrg[row.org.lowercased(), default: []].append(id)
        fields[id] = f
        return id
    }

    mutating func updateLead(_ id: Int64, changes: [ImportMerge.Change], fields f: ImportMerge.LeadFields) {
        fields[id] = f
        // A lead of this slice is written once, by the COPY, with its fields as they are then.
        if id >= Self.firstProvisional { return }
        if let i = leadUpdateIndex[id] {
            leadUpdates[i].columns.formUnion(changes.map(\.field))
        } else {
            leadUpdateIndex[id] = leadUpdates.count
            leadUpdates.append((id, Set(changes.map(\.field))))
        }
    }

    mutating func createContact(_ c: ImportRecord.ContactPart, lead: Int64) -> Int64 {
        let id = nextId
        nextId += 1
        remember(Contact(id: id, leadId: lead, name: c.name, nameParts: c.nameParts, title: c.title, role: c.role, email: c.email,
                         phone: c.phone, consent: c.consent ?? .unknown, doNotCall: c.doNotCall == true,
                         emailOptOut: c.emailOptOut == true, source: c.source, hubSpotId: c.hubSpotId,
                         salesforceId: c.salesforceId, createdAt: at))
        newContacts.append(id)
        return id
    }

    mutating func updateContact(_ old: Contact, changes: [ImportMerge.Change]) throws {
        guard var c = contacts[old.id] else { throw DiscoveryError.storage("import: contact \(old.id) changed but not read") }
        forget(c)
        var parts = c.nameParts ?? PersonName()
        var partsChanged = false
        for change in changes {
            let v = change.after
            switch change.field {
            case "name": c.name = v
            case "salutation": parts.salutation = v; partsChanged = true
            case "first_name": parts.first = v; partsChanged = true
            case "last_name": parts.last = v; partsChanged = true
            case "suffix": parts.suffix = v; partsChanged = true
            case "title": c.title = v
            case "role": c.role = ContactRole(rawValue: v)
            case "email": c.email = v
            case "phone": c.phone = v
            case "consent": c.consent = Consent(rawValue: v) ?? c.consent
            case "do_not_call": c.doNotCall = v == "1"
            case "email_opt_out": c.emailOptOut = v == "1"
            case "source": c.source = v
            case "hubspot_id": c.hubSpotId = v
            case "salesforce_id": c.salesforceId = v
            default: throw DiscoveryError.storage("import: no contact column '\(change.field)'")
            }
        }
        if partsChanged { c.nameParts = parts }
        remember(c)
        // A contact of this slice is written once, by the COPY, as it is then.
        if c.id >= Self.firstProvisional { return }
        if let i = contactUpdateIndex[c.id] {
            contactUpdates[i].columns.formUnion(changes.map(\.field))
        } else {
            contactUpdateIndex[c.id] = contactUpdates.count
            contactUpdates.append((c.id, Set(changes.map(\.field))))
        }
    }

    mutating func audit(_ entry: ImportAuditEntry) {
        entries.append(entry)
    }

    // MARK: Writing

    /// Sends the queued writes; the real id of each provisional lead id. New leads and contacts
    /// take their ids from the tables' sequences first (one statement for both), in creation
    /// order, as multi-row INSERTs would give them; then each table's new rows are one `COPY`,
    /// with their values as the slice left them (a lead or contact created and then changed in
    /// the slice is written once, changed; its audit entries are the same). Each COPY is sent
    /// without waiting (`BlockingConnection.copy`): the next table's rows are built while the
    /// server writes these, and the next slice's rows are read while it writes the audit
    /// entries; the next statement waits for it, so a refused COPY still fails the batch.
    func flush(_ s: SQLSession, _ audit: AuditLog) throws -> [Int64: Int64] {
        let newRows = newContacts.compactMap { contacts[$0] }
        let (leadIds, contactIds) = try reserveIds(leads: newLeads.map(\.id), contacts: newRows.map(\.id), s)
        func lead(_ id: Int64) -> Int64 { leadIds[id] ?? id }
        if !newLeads.isEmpty {
            var rows = CopyRows(reservingBytes: newLeads.count * 200)
            for l in newLeads {
                guard let f = fields[l.id] else { throw DiscoveryError.storage("import: lead \(l.id) created but not kept") }
                let p = l.row
                let created = p.createdAt ?? at
                try rows.row([.i(lead(l.id)), .t(p.org), .t(f.type), .t(f.specialty), .t(f.region), .i(f.beds), .t(f.source),
                              .t(f.profile), .t(f.consent.rawValue), .t(f.owner), .t((p.stage ?? .new).rawValue),
                              .t(p.stageReason?.rawValue), .t(p.stageNote), .d(created), .d(at), .d(created), .d(p.mqlAt),
                              .t(f.website)])
            }
            try s.copy(into: "lead", columns: ["id", "org", "type", "specialty", "region", "beds", "source", "profile", "consent",
                                               "owner", "stage", "stage_reason", "stage_note", "created_at", "updated_at",
                                               "stage_changed_at", "mql_at", "website"], rows: rows, waiting: false)
        }
        if !newRows.isEmpty {
            // A slice's contacts are most of its writes.
            var rows = CopyRows(reservingBytes: newRows.count * 200)
            for c in newRows {
                try rows.row([.i(contactIds[c.id] ?? c.id), .i(lead(c.leadId)), .t(c.name), .t(c.title), .t(c.role?.rawValue),
                              .t(c.email), .t(c.phone), .t(c.consent.rawValue), .d(at), .t(c.nameParts?.salutation),
                              .t(c.nameParts?.first), .t(c.nameParts?.last), .t(c.nameParts?.suffix), .t(c.hubSpotId),
                              .t(c.salesforceId), .i(c.doNotCall ? 1 : 0), .i(c.emailOptOut ? 1 : 0), .t(c.source)])
            }
            try s.copy(into: "contact", columns: ["id", "lead_id", "name", "title", "role", "email", "phone", "consent", "created_at",
                                                  "salutation", "first_name", "last_name", "suffix", "hubspot_id", "salesforce_id",
                                                  "do_not_call", "email_opt_out", "source"], rows: rows, waiting: false)
        }
        try update("lead", leadUpdates, ids: lead, extra: [("updated_at", "timestamptz", .d(at))], s) { id, column in
            let f = fields[id]
            switch column {
            case "beds": return (.i(f?.beds), "bigint")
            case "type": return (.t(f?.type), "text")
            case "specialty": return (.t(f?.specialty), "text")
            case "region": return (.t(f?.region), "text")
            case "source": return (.t(f?.source), "text")
            case "profile": return (.t(f?.profile), "text")
            case "owner": return (.t(f?.owner), "text")
            case "consent": return (.t(f?.consent.rawValue), "text")
            case "website": return (.t(f?.website), "text")
            default: throw DiscoveryError.storage("import: no lead column '\(column)'")
            }
        }
        try update("contact", contactUpdates, ids: { contactIds[$0] ?? $0 }, extra: [], s) { id, column in
            let c = contacts[id]
            switch column {
            case "name": return (.t(c?.name), "text")
            case "salutation": return (.t(c?.nameParts?.salutation), "text")
            case "first_name": return (.t(c?.nameParts?.first), "text")
            case "last_name": return (.t(c?.nameParts?.last), "text")
            case "suffix": return (.t(c?.nameParts?.suffix), "text")
            case "title": return (.t(c?.title), "text")
            case "role": return (.t(c?.role?.rawValue), "text")
            case "email": return (.t(c?.email), "text")
            case "phone": return (.t(c?.phone), "text")
            case "consent": return (.t(c?.consent.rawValue), "text")
            case "do_not_call": return (.i(c.map { $0.doNotCall ? Int64(1) : 0 }), "bigint")
            case "email_opt_out": return (.i(c.map { $0.emailOptOut ? Int64(1) : 0 }), "bigint")
            case "source": return (.t(c?.source), "text")
            case "hubspot_id": return (.t(c?.hubSpotId), "text")
            case "salesforce_id": return (.t(c?.salesforceId), "text")
            default: throw DiscoveryError.storage("import: no contact column '\(column)'")
            }
        }
        try audit.record(waiting: false, entries.map { e in
            var e = e
            e.lead = e.lead.map(lead)
            e.entityId = e.entityId.map { e.entity == "lead" ? lead($0) : contactIds[$0] ?? $0 }
            return e
        })
        return leadIds
    }

    /// Real ids for provisional ones, from the `lead` and `contact` sequences: one statement,
    /// each sequence asked once per new row, the ids as two arrays in one row (not a row per id);
    /// the ids one session takes from a sequence ascend, so sorted they are in creation order
    /// (the ids a multi-row INSERT would have given).
    private func reserveIds(leads: [Int64], contacts: [Int64], _ s: SQLSession) throws -> (leads: [Int64: Int64], contacts: [Int64: Int64]) {
        guard !leads.isEmpty || !contacts.isEmpty else { return ([:], [:]) }
        let taken = try s.one("""
            SELECT ARRAY(SELECT nextval('lead_id_seq') FROM generate_series(1, $1)) AS leads,
                   ARRAY(SELECT nextval('contact_id_seq') FROM generate_series(1, $2)) AS contacts
            """, .i(leads.count), .i(contacts.count))
        let leadIds = (try taken?.int64s("leads") ?? []).sorted(), contactIds = (try taken?.int64s("contacts") ?? []).sorted()
        guard leadIds.count == leads.count, contactIds.count == contacts.count else {
            throw DiscoveryError.storage("the database gave \(leadIds.count) lead ids for \(leads.count) new leads, \(contactIds.count) contact ids for \(contacts.count) new contacts")
        }
        return (Dictionary(uniqueKeysWithValues: zip(leads, leadIds)), Dictionary(uniqueKeysWithValues: zip(contacts, contactIds)))
    }

    /// `UPDATE table ... FROM (VALUES ...)`: one statement per set of changed columns (names from
    /// `ImportMerge`'s fixed list, never from a file), each row's values as they are now.
    private func update(_ table: String, _ updates: [(id: Int64, columns: Set<String>)], ids: (Int64) -> Int64,
                        extra: [(column: String, type: String, value: SQLValue)], _ s: SQLSession,
                        value: (Int64, String) throws -> (SQLValue, String)) throws {
        var groups: [[String]: [Int64]] = [:]
        var order: [[String]] = []
        for u in updates {
            let columns = u.columns.sorted()
            if groups[columns] == nil { order.append(columns) }
            groups[columns, default: []].append(u.id)
        }
        for columns in order {
            let all = groups[columns] ?? []
            let perRow = columns.count + 1
            let step = max(1, 30_000 / perRow)
            for block in stride(from: 0, to: all.count, by: step) {
                var values: [SQLValue] = extra.map(\.value)
                var tuples: [String] = []
                for id in all[block..<min(block + step, all.count)] {
                    var cells = ["$\(values.count + 1)::bigint"]
                    values.append(.i(ids(id)))
                    for column in columns {
                        let (v, type) = try value(id, column)
                        values.append(v)
                        cells.append("$\(values.count)::\(type)")
                    }
                    tuples.append("(" + cells.joined(separator: ", ") + ")")
                }
                let sets = (columns.map { "\($0) = v.\($0)" } + extra.enumerated().map { "\($0.element.column) = $\($0.offset + 1)" })
                    .joined(separator: ", ")
                try s.exec("""
                    UPDATE \(table) SET \(sets) FROM (VALUES \(tuples.joined(separator: ", "))) AS v(id, \(columns.joined(separator: ", ")))
                    WHERE \(table).id = v.id
                    """, values: values)
            }
        }
    }
}

