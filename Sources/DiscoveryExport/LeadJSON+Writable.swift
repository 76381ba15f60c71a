import DiscoveryCore

extension LeadJSONField {
    /// This field's value for `lead`, written straight as compact JSON: what
    /// `LeadJSON.encode(to:)` encodes for it.
    func writeValue(of lead: Lead, to json: inout JSONCompactText) {
        switch self {
        case .id: json.string(lead.label)
        case .org: json.string(lead.org)
        case .type: json.string(lead.type)
        case .specialty: json.string(lead.specialty)
        case .region: json.string(lead.region)
        case .beds: json.integer(lead.beds)
        case .source: json.string(lead.source)
        case .profile: json.string(lead.profile)
        case .consent: json.string(lead.consent.rawValue)
        case .owner: json.string(lead.owner)
        case .stage: json.string(lead.stage.rawValue)
        case .stageReason: json.string(lead.stageReason?.rawValue)
        case .stageNote: json.string(lead.stageNote)
        case .createdAt: json.date(lead.createdAt)
        case .updatedAt: json.date(lead.updatedAt)
        case .stageChangedAt: json.date(lead.stageChangedAt)
        case .mqlAt: json.date(lead.mqlAt)
        }
    }
}
