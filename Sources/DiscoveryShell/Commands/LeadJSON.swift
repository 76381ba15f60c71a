import DiscoveryCore
import Foundation

/// A lead as `--json` shows it: stable snake_case keys, ISO-8601 dates.
struct LeadJSON: Encodable {
    let id: String
    let org: String
    let type: String?
    let specialty: String?
    let region: String?
    let beds: Int?
    let source: String?
    let profile: String
    let consent: String
    let owner: String?
    let stage: String
    let stageReason: String?
    let createdAt: Date
    let updatedAt: Date
    let mqlAt: Date?
    let contacts: [ContactJSON]?

    enum CodingKeys: String, CodingKey {
        case id, org, type, specialty, region, beds, source, profile, consent, owner, stage, stageReason
        case createdAt, updatedAt, mqlAt, contacts
    }

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

    // Written out so that an absent value is `null`, not a missing key: tools see stable keys.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(org, forKey: .org)
        try c.encode(type, forKey: .type)
        try c.encode(specialty, forKey: .specialty)
        try c.encode(region, forKey: .region)
        try c.encode(beds, forKey: .beds)
        try c.encode(source, forKey: .source)
        try c.encode(profile, forKey: .profile)
        try c.encode(consent, forKey: .consent)
        try c.encode(owner, forKey: .owner)
        try c.encode(stage, forKey: .stage)
        try c.encode(stageReason, forKey: .stageReason)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(mqlAt, forKey: .mqlAt)
        try c.encodeIfPresent(contacts, forKey: .contacts)
    }
}

struct ContactJSON: Encodable {
    let name: String
    let title: String?
    let role: String?
    let email: String?
    let phone: String?
    let consent: String

    enum CodingKeys: String, CodingKey {
        case name, title, role, email, phone, consent
    }

    init(_ c: Contact) {
        name = c.name
        title = c.title
        role = c.role?.rawValue
        email = c.email
        phone = c.phone
        consent = c.consent.rawValue
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(role, forKey: .role)
        try c.encode(email, forKey: .email)
        try c.encode(phone, forKey: .phone)
        try c.encode(consent, forKey: .consent)
    }
}
