import DiscoveryCore
import Foundation

extension ImportRecord {
    /// Reads one row; `profiles` are the profile ids a lead may name.
    public static func parse(line: Int, fields: [String], columns: ImportColumns,
                             profiles: [String]) -> Result<ImportRecord, ImportRowError> {
        do {
            return .success(try RowReader(line: line, fields: fields, columns: columns).record(profiles: profiles))
        } catch {
            return .failure(ImportRowError(line: line, message: error.message))
        }
    }
}

/// Turns the cells of one row into typed values, failing with a message that names the column.
private struct RowReader {
    let line: Int
    let fields: [String]
    let columns: ImportColumns

    init(line: Int, fields: [String], columns: ImportColumns) throws(DiscoveryError) {
        guard fields.count == columns.count else {
            throw .failed("has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(columns.count)")
        }
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    func text(_ f: ImportField, multiline: Bool = false) throws(DiscoveryError) -> String? {
        guard var v = columns.value(f, in: fields) else { return nil }
        // Control characters are single bytes in UTF-8 (every byte of a longer sequence is ≥ 0x80).
        let control = v.withUTF8 { bytes in
            bytes.contains { ($0 < 0x20 || $0 == 0x7F) && !(multiline && ($0 == 0x0A || $0 == 0x0D || $0 == 0x09)) }
        }
        if control {
            throw .failed("the \(f.label) contains a control character")
        }
        return v
    }

    func choice<T: FixedListValue>(_ f: ImportField, _ type: T.Type) throws(DiscoveryError) -> T? {
        guard let v = try text(f) else { return nil }
        if let value = T(word: v) { return value }
        throw .failed("unknown \(f.label) '\(v)'.\(T.choices(for: v, heading: "Expected one of"))")
    }

    func date(_ f: ImportField) throws(DiscoveryError) -> Date? {
        guard let v = try text(f) else { return nil }
        guard let d = Dates.parseISO(v) ?? Dates.parseDay(v) else {
            throw .failed("invalid \(f.label) '\(v)': expected an ISO-8601 time such as 2026-03-02T09:00:00Z")
        }
        return d
    }

    /// A boolean as HubSpot, Salesforce, Marketo and Pardot write it: `true`/`1`/`yes`/`on`
    /// → true; `false`/`0`/`no`/`off` → false; `nil` when the column is absent or blank.
    func flag(_ f: ImportField) throws(DiscoveryError) -> Bool? {
        guard let v = try text(f)?.lowercased() else { return nil }
        if ["true", "1", "yes", "y", "on"].contains(v) { return true }
        if ["false", "0", "no", "n", "off"].contains(v) { return false }
        throw .failed("invalid \(f.label) '\(v)': expected true or false (also 1/0, yes/no, on/off)")
    }

    /// The header name of `f`'s column, for a note.
    func column(_ f: ImportField) -> String {
        columns.index[f].map { columns.header[$0] } ?? f.label
    }

    func record(profiles: [String]) throws(DiscoveryError) -> ImportRecord {
        var notes: [String] = []
        var org = try text(.org)
        if org == nil { org = try text(.associatedCompany) }
        guard let org else { throw .failed("the organisation (column 'company' / 'org') is empty") }
        var lead = ImportRecord.LeadPart(org: org)
        lead.type = try text(.type)
        lead.specialty = try text(.specialty)
        lead.region = try text(.region)
        if let b = try text(.beds) {
            guard let n = Int(b), n >= 0 else { throw .failed("invalid beds '\(b)': expected a whole number, 0 or more") }
            lead.beds = n
        }
        lead.source = try text(.source)
        if let p = try text(.profile) {
            guard profiles.contains(p) else {
                throw .failed("unknown profile '\(p)'.\(Suggestion.hint(for: p, in: profiles)) Profiles: \(profiles.joined(separator: ", "))")
            }
            lead.profile = p
        }
        lead.consent = try choice(.consent, Consent.self)
        lead.owner = try text(.owner)
        lead.stage = try choice(.stage, Stage.self)
        if lead.stage == nil, let lc = try text(.lifecycleStage) {
            lead.stage = CRMMapping.stage(forLifecycleStage: lc)
            if lead.stage == nil {
                notes.append("lifecycle stage '\(lc)' (column '\(column(.lifecycleStage))') has no discovery stage; a new lead starts at 'new', an existing one keeps its stage")
            }
        }
        lead.stageReason = try choice(.stageReason, ReasonCode.self)
        lead.stageNote = try text(.stageNote, multiline: true)
        if let stage = lead.stage, stage.requiresReason, lead.stageReason == nil {
            throw .failed("stage '\(stage.rawValue)' needs a stage_reason (a reason code)")
        }
        if columns.header[columns.index[.createdAt] ?? 0] == "created_at" {
            lead.createdAt = try date(.createdAt)
        } else if let v = try text(.createdAt) {
            // A CRM's "Create Date" (`2026-03-02 09:00`, `2026-03-02`): the day at least.
            lead.createdAt = Dates.parseISO(v) ?? Dates.parseDay(String(v.prefix(10)))
            if lead.createdAt == nil {
                notes.append("creation time '\(v)' (column '\(column(.createdAt))') is not a date this import reads (expected 2026-03-02 or ISO-8601); a new lead gets the import time")
            }
        }
        lead.mqlAt = try date(.mqlAt)
        lead.website = try text(.website)
        // Two facts of a person, apart from consent; Pardot writes its opt-out twice.
        let doNotCall = try flag(.doNotCall)
        let optOuts = [try flag(.emailOptOut), try flag(.doNotEmail)].compactMap { $0 }
        let emailOptOut = optOuts.isEmpty ? nil : optOuts.contains(true)
        var contact = try contactPart()
        if contact == nil, lead.consent == nil {
            // A row without a person: HubSpot's `discovery_consent` is then the lead's.
            lead.consent = try choice(.contactConsent, Consent.self)
        }
        if contact == nil, doNotCall == true || emailOptOut == true {
            // A row without a person (our Salesforce export of a lead without contacts): the
            // organisation as a whole said no.
            lead.consent = .no
        }
        // Our own export has the person's source in its own column; other files give one source per row.
        let contactSource = columns.has(.contactSource) ? try text(.contactSource) : lead.source
        contact?.source = contactSource
        contact?.doNotCall = doNotCall
        contact?.emailOptOut = emailOptOut
        var record = ImportRecord(line: line, leadKey: try text(.leadKey), lead: lead, contact: contact)
        record.notes = notes
        return record
    }

    func contactPart() throws(DiscoveryError) -> ImportRecord.ContactPart? {
        let email = try text(.email)
        if let email, !EmailAddress.isPlausible(email) {
            throw .failed("invalid email '\(email)': expected name@example.org")
        }
        var last = try text(.lastName)
        let first = try text(.firstName)
        if last == SalesforceExport.unknownLastName && first == nil && email == nil {
            // Our Salesforce export's placeholder for a lead without contacts: not a person.
            last = nil
        }
        let salutation = try text(.salutation)
        let name: String?
        let parts: PersonName?
        let suffix = try text(.suffix)
        if let whole = try text(.contactName) {
            name = whole
            // Our own export gives the parts beside the whole name: they are kept as they are.
            if first != nil || last != nil {
                parts = PersonName(salutation: salutation ?? "", first: first ?? "", last: last ?? "", suffix: suffix ?? "")
            } else {
                parts = PersonName.parts(of: whole)
            }
        } else if first != nil || last != nil {
            let p = PersonName(columns: salutation, first: first, last: last)
            name = p.display
            parts = p
        } else {
            // Known only by email: no first or last name (never the email as a last name).
            name = email
            parts = PersonName()
        }
        let title = try text(.title)
        let role = try choice(.role, ContactRole.self)
        var phone = try text(.phone)
        if phone == nil { phone = try text(.mobile) }
        let consent = try choice(.contactConsent, Consent.self)
        guard let name else {
            if title != nil || role != nil || phone != nil {
                throw .failed("the contact has no name and no email")
            }
            return nil
        }
        return ImportRecord.ContactPart(name: name, nameParts: parts, title: title, role: role, email: email, phone: phone,
                                        consent: consent, hubSpotId: try text(.hubSpotId), salesforceId: try text(.salesforceId))
    }
}

