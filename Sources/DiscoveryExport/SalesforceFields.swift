import DiscoveryCore

/// The Lead fields' documented limits (Salesforce Field Reference Guide, "Lead"): text lengths
/// and the default picklists. A value is fitted once, and every cut is reported.
public enum SalesforceFields {
    /// Maximum lengths (characters) of the text fields the export writes.
    public static let lengths: [String: Int] = [
        "FirstName": 40, "LastName": 80, "Company": 255, "Email": 80, "Title": 128, "Phone": 40, "Website": 255,
        "LeadSource": 40, "Description": 32_000, "Salutation": 40,
    ]

    /// The default `Salutation` picklist.
    public static let salutations = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]

    /// The default `LeadSource` picklist.
    public static let leadSources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"]

    /// The default `Status` picklist, and which of its values mean a converted lead.
    public static let statuses = ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"]
    public static let convertedStatuses: Set<String> = ["Closed - Converted"]

    /// The default `Rating` picklist.
    public static let ratings = ["Hot", "Warm", "Cold"]

    /// Salesforce's boolean forms in an import file.
    public static let booleans: Set<String> = ["true", "false"]

    /// A salutation as its picklist value (`Dr` → `Dr.`, `prof.` → `Prof.`), or `nil` when the
    /// picklist has none for it (`Mx.`).
    public static func salutation(_ value: String) -> String? {
        let key = value.lowercased().filter { $0 != "." }
        return salutations.first { $0.lowercased().filter { $0 != "." } == key }
    }

    /// `value` cut to `field`'s length (by characters, counting the apostrophe that
    /// neutralises a formula-like cell, which Salesforce stores too), and whether it was cut.
    public static func fit(_ value: String, field: String) -> (value: String, cut: Bool) {
        guard let max = lengths[field] else { return (value, false) }
        let isPhone = field == "Phone"
        guard CSVCell.neutralise(value, isPhone: isPhone).count > max else { return (value, false) }
        var cut = String(value.prefix(max))
        while !cut.isEmpty && CSVCell.neutralise(cut, isPhone: isPhone).count > max { cut.removeLast() }
        return (cut, true)
    }
}
