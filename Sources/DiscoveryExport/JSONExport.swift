import DiscoveryCore
import Foundation

/// `export --format json`: a JSON array with one object per lead, one object per line, so it
/// streams and `jq` or any JSON reader takes it whole. Each lead carries its verdict keys
/// (those of `status --json`) when the caller evaluated it.
public struct JSONExport: LeadExportWriter {
    private var count = 0

    public init() {}

    public func begin() -> String { "[\n" }

    public mutating func write(_ lead: Lead, contacts: [Contact]) -> String {
        write(lead, contacts: contacts, verdict: nil)
    }

    /// One lead with its verdict keys (`null` each when the lead's profile cannot be evaluated).
    public mutating func write(_ lead: Lead, contacts: [Contact], verdict: Verdict?) -> String {
        defer { count += 1 }
        let record = LeadRecordJSON(lead, contacts: contacts, verdict: verdict.map(VerdictJSON.init))
        return (count == 0 ? "" : ",\n") + ExportJSON.encode(record, pretty: false)
    }

    public func end() -> String { count == 0 ? "]\n" : "\n]\n" }
}

/// One lead as `export --format json` writes it.
struct LeadRecordJSON: Encodable {
    let lead: Lead
    let contacts: [Contact]
    let verdict: VerdictJSON?

    init(_ lead: Lead, contacts: [Contact], verdict: VerdictJSON? = nil) {
        self.lead = lead
        self.contacts = contacts
        self.verdict = verdict
    }

    enum Key: String, CodingKey {
        case schemaVersion = "schema_version", id, org, type, specialty, region, beds, source, profile, consent, owner
        case stage, stageReason = "stage_reason", stageNote = "stage_note", createdAt = "created_at"
        case updatedAt = "updated_at", stageChangedAt = "stage_changed_at", mqlAt = "mql_at", contacts, crm
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(ExportJSON.schemaVersion, forKey: .schemaVersion)
        try c.encode(lead.label, forKey: .id)
        try c.encode(lead.org, forKey: .org)
        try c.encode(lead.type, forKey: .type)
        try c.encode(lead.specialty, forKey: .specialty)
        try c.encode(lead.region, forKey: .region)
        try c.encode(lead.beds, forKey: .beds)
        try c.encode(lead.source, forKey: .source)
        try c.encode(lead.profile, forKey: .profile)
        try c.encode(lead.consent.rawValue, forKey: .consent)
        try c.encode(lead.owner, forKey: .owner)
        try c.encode(lead.stage.rawValue, forKey: .stage)
        try c.encode(lead.stageReason?.rawValue, forKey: .stageReason)
        try c.encode(lead.stageNote, forKey: .stageNote)
        try c.encode(lead.createdAt, forKey: .createdAt)
        try c.encode(lead.updatedAt, forKey: .updatedAt)
        try c.encode(lead.stageChangedAt, forKey: .stageChangedAt)
        try c.encode(lead.mqlAt, forKey: .mqlAt)
        try c.encode(contacts.map(ContactRecordJSON.init), forKey: .contacts)
        try c.encode(CRMRecordJSON(CRMMapping.row(for: lead.stage)), forKey: .crm)
        if let verdict {
            try verdict.encode(to: encoder)
        } else {
            var none = encoder.container(keyedBy: VerdictJSON.CodingKeys.self)
            for key in VerdictJSON.CodingKeys.allCases { try none.encodeNil(forKey: key) }
        }
    }
}

/// A contact inside the lead and handoff JSON.
struct ContactRecordJSON: Encodable {
    let contact: Contact

    enum Key: String, CodingKey { case name, title, role, email, phone, consent }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(contact.name, forKey: .name)
        try c.encode(contact.title, forKey: .title)
        try c.encode(contact.role?.rawValue, forKey: .role)
        try c.encode(contact.email, forKey: .email)
        try c.encode(contact.phone, forKey: .phone)
        try c.encode(contact.consent.rawValue, forKey: .consent)
    }
}

/// The lead's stage in CRM terms (the `CRMMapping` table).
struct CRMRecordJSON: Encodable {
    let hubspotLifecyclestage: String
    let hubspotLeadStatus: String
    let salesforceStatus: String
    let salesforceRating: String

    init(_ row: CRMMapping.StageRow) {
        hubspotLifecyclestage = row.lifecycleStage
        hubspotLeadStatus = row.hubSpotLeadStatus
        salesforceStatus = row.salesforceStatus
        salesforceRating = row.salesforceRating
    }

    enum CodingKeys: String, CodingKey {
        case hubspotLifecyclestage = "hubspot_lifecyclestage", hubspotLeadStatus = "hubspot_lead_status"
        case salesforceStatus = "salesforce_status", salesforceRating = "salesforce_rating"
    }
}
