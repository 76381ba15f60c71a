import DiscoveryCore

/// The lead fields `lead set` may change (an allow-list: a backend never builds a statement
/// from user text). `column` is the field's name in the records and in the audit log.
public enum LeadField: String, CaseIterable, Sendable, FixedListValue {
    case org, type, specialty, region, beds, source, profile, consent, owner, website

    public static let valueName = "lead field"
    public static let listName = "Fields"

    public var column: String { rawValue }
}

/// The contact fields `contact set` may change.
public enum ContactField: String, CaseIterable, Sendable, FixedListValue {
    case name, title, role, email, phone, consent

    public static let valueName = "contact field"
    public static let listName = "Fields"

    public var column: String { rawValue }
}
