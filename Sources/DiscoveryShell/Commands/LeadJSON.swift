import DiscoveryCore
import Foundation

/// A lead as `--json` shows it: stable snake_case keys, ISO-8601 dates.
struct LeadJSON: Encodable {
    let id: String
    let org: String
    @NullEncoded var type: String?
    @NullEncoded var specialty: String?
    @NullEncoded var region: String?
    @NullEncoded var beds: Int?
    @NullEncoded var source: String?
    let profile: String
    let consent: String
    @NullEncoded var owner: String?
    let stage: String
    @NullEncoded var stageReason: String?
    let createdAt: Date
    let updatedAt: Date
    @NullEncoded var mqlAt: Date?
    let contacts: [ContactJSON]?

    init(_ lead: Lead, contacts: [Contact]? = nil) {
        id = lead.label
        org = lead.org
        type = lead.type
        specialty = lead.specialty
        region = lead.region
        beds = lead.beds
        source = lead.source
        profile = lead.profile
        consent = lead.consent.rawValue
        owner = lead.owner
        stage = lead.stage.rawValue
        stageReason = lead.stageReason?.rawValue
        createdAt = lead.createdAt
        updatedAt = lead.updatedAt
        mqlAt = lead.mqlAt
        self.contacts = contacts?.map(ContactJSON.init)
    }
}

struct ContactJSON: Encodable {
    let name: String
    @NullEncoded var title: String?
    @NullEncoded var role: String?
    @NullEncoded var email: String?
    @NullEncoded var phone: String?
    let consent: String

    init(_ c: Contact) {
        name = c.name
        title = c.title
        role = c.role?.rawValue
        email = c.email
        phone = c.phone
        consent = c.consent.rawValue
    }
}
