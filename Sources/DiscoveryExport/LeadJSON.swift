import DiscoveryCore
import Foundation

/// A lead in JSON, the same wherever one appears (`lead show --json`, `lead list --json`,
/// `export --format json`, the handoff's `lead`): every field has one key and one encoding. A
/// document chooses which fields it shows and writes its own members (`Extra`) beside them.
public struct LeadJSON<Extra: Encodable>: Encodable {
    let lead: Lead
    let fields: [LeadJSONField]
    let extra: Extra

    public init(_ lead: Lead, fields: [LeadJSONField], extra: Extra) {
        self.lead = lead
        self.fields = fields
        self.extra = extra
    }

    public func encode(to encoder: Encoder) throws {
        try extra.encode(to: encoder)
        var c = encoder.container(keyedBy: LeadJSONField.self)
        for field in fields {
            switch field {
            case .id: try c.encode(lead.label, forKey: field)
            case .org: try c.encode(lead.org, forKey: field)
            case .type: try c.encode(lead.type, forKey: field)
            case .specialty: try c.encode(lead.specialty, forKey: field)
            case .region: try c.encode(lead.region, forKey: field)
            case .beds: try c.encode(lead.beds, forKey: field)
            case .source: try c.encode(lead.source, forKey: field)
            case .profile: try c.encode(lead.profile, forKey: field)
            case .consent: try c.encode(lead.consent.rawValue, forKey: field)
            case .owner: try c.encode(lead.owner, forKey: field)
            case .stage: try c.encode(lead.stage.rawValue, forKey: field)
            case .stageReason: try c.encode(lead.stageReason?.rawValue, forKey: field)
            case .stageNote: try c.encode(lead.stageNote, forKey: field)
            case .createdAt: try c.encode(lead.createdAt, forKey: field)
            case .updatedAt: try c.encode(lead.updatedAt, forKey: field)
            case .stageChangedAt: try c.encode(lead.stageChangedAt, forKey: field)
            case .mqlAt: try c.encode(lead.mqlAt, forKey: field)
            }
        }
    }
}

extension LeadJSON where Extra == LeadJSONNoExtra {
    public init(_ lead: Lead, fields: [LeadJSONField]) {
        self.init(lead, fields: fields, extra: LeadJSONNoExtra())
    }
}

/// A lead's fields as JSON shows them (keys in snake_case: `stage_reason`). An absent value is
/// `null`, never a missing key.
public enum LeadJSONField: String, CodingKey, CaseIterable, Sendable {
    case id, org, type, specialty, region, beds, source, profile, consent, owner
    case stage, stageReason, stageNote, createdAt, updatedAt, stageChangedAt, mqlAt

    /// `lead show --json` and `lead list --json`.
    public static let listing: [LeadJSONField] = [
        .id, .org, .type, .specialty, .region, .beds, .source, .profile, .consent, .owner,
        .stage, .stageReason, .createdAt, .updatedAt, .mqlAt,
    ]
    /// `export --format json`: every field.
    public static let export = allCases
    /// The handoff's `lead` object.
    public static let handoff: [LeadJSONField] = [
        .id, .org, .type, .specialty, .region, .beds, .profile, .consent, .owner,
        .stage, .stageReason, .stageNote, .createdAt, .stageChangedAt, .mqlAt,
    ]
}

/// Nothing beside the lead's own fields.
public struct LeadJSONNoExtra: Encodable, Sendable {
    public init() {}
    public func encode(to encoder: Encoder) throws {}
}
