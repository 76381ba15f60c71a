import DiscoveryCore

/// A contact in JSON, the same wherever one appears (`contact list --json`, `lead show --json`,
/// `export --format json`, the handoff's stakeholders).
public struct ContactJSON: Encodable, Sendable {
    let name: String
    @NullEncoded var title: String?
    @NullEncoded var role: String?
    @NullEncoded var email: String?
    @NullEncoded var phone: String?
    let consent: String

    public init(_ c: Contact) {
        name = c.name
        title = c.title
        role = c.role?.rawValue
        email = c.email
        phone = c.phone
        consent = c.consent.rawValue
    }
}
