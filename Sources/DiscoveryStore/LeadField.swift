import DiscoveryCore

/// The lead fields `lead set` may change, each mapped to its column (an allow-list: no SQL is
/// ever built from user text).
public enum LeadField: String, CaseIterable, Sendable {
    case org, type, specialty, region, beds, source, profile, consent, owner

    var column: String { rawValue }
}

/// The contact fields `contact set` may change.
public enum ContactField: String, CaseIterable, Sendable {
    case name, title, role, email, phone, consent

    var column: String { rawValue }
}
