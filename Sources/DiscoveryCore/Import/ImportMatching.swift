/// How an import row finds the lead and the contact it is about (SPEC §4 `import`: dedupe by
/// email, then by organisation name). A backend looks each key up in the order given and takes
/// the first hit; with none, the row creates the record.
public enum ImportMatching {
    /// Where a row's lead is looked for.
    public enum LeadKey: Sendable, Equatable {
        /// Rows of our own export with the same `lead_id` are one lead: the lead that key
        /// became (or matched) earlier in this import.
        case exportKey(String)
        /// The lead of the first contact (any lead) with this email, ignoring the case of ASCII letters.
        case email(String)
        /// The first lead (lowest id) of this organisation name, ignoring case. A row of our
        /// own export only matches a lead this import did not create, so two leads of one name
        /// come back as two; other rows match any.
        case organisation(String, includingCreatedByThisImport: Bool)
    }

    /// Where a row's contact is looked for, within its lead.
    public enum ContactKey: Sendable, Equatable {
        case email(String)
        case name(String)
    }

    /// The lead keys of a row, in the order to try them.
    public static func leadKeys(for record: ImportRecord) -> [LeadKey] {
        var keys: [LeadKey] = []
        if let key = record.leadKey { keys.append(.exportKey(key)) }
        if let email = record.contact?.email { keys.append(.email(email)) }
        keys.append(.organisation(record.lead.org, includingCreatedByThisImport: record.leadKey == nil))
        return keys
    }

    /// The contact keys of a row's contact, in the order to try them. A lead the row has just
    /// created has no contacts to try them on.
    public static func contactKeys(for contact: ImportRecord.ContactPart) -> [ContactKey] {
        (contact.email.map { [ContactKey.email($0)] } ?? []) + [.name(contact.name)]
    }

    /// Why a row's contact, found by its email, is another person: the names differ (first and
    /// last name when both sides have them, else the whole name, ignoring case and spacing). A
    /// name that is only the email is no name. `nil`: the same person, merge.
    public static func conflict(existing: Contact, row: ImportRecord.ContactPart, leadLabel: String) -> String? {
        func words(_ s: String) -> String { s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        func isEmailOnly(_ name: String, _ email: String?) -> Bool {
            email.map { words($0) == words(name) } ?? false || EmailAddress.isPlausible(name)
        }
        guard let email = row.email, !isEmailOnly(existing.name, existing.email), !isEmailOnly(row.name, row.email) else { return nil }
        let a = existing.nameParts ?? PersonName.parts(of: existing.name)
        let b = row.nameParts ?? PersonName.parts(of: row.name)
        let same: Bool
        if let a, let b, !a.last.isEmpty, !b.last.isEmpty {
            same = words(a.first) == words(b.first) && words(a.last) == words(b.last)
        } else {
            same = words(existing.name) == words(row.name)
        }
        if same { return nil }
        return "conflict: the email '\(email)' is that of '\(existing.name)' (\(leadLabel)), but this row names '\(row.name)'; not merged. Correct the email in the file, or change the contact by hand"
    }
}
