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
}
