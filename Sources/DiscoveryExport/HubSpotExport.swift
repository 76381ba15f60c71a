import DiscoveryCore

/// HubSpot contact import: HubSpot's own property names, then `discovery_*` columns that
/// HubSpot maps to custom properties (create them, or choose "Don't import column").
public struct HubSpotExport: CSVRowExport {
    public static let columns = [
        "salutation", "firstname", "lastname", "email", "phone", "jobtitle", "company",
        "lifecyclestage", "hs_lead_status",
        "discovery_lead_id", "discovery_stage", "discovery_stage_reason", "discovery_profile", "discovery_role", "discovery_consent",
        "discovery_owner", "discovery_org_type", "discovery_specialty", "discovery_region", "discovery_beds",
        "discovery_source",
    ]

    let csv = CSVWriter(header: HubSpotExport.columns, phoneColumns: ["phone"])

    public init() {}

    func cells(_ lead: Lead, contact: Contact?) -> [String: String] {
        let mapping = CRMMapping.row(for: lead.stage)
        var c: [String: String] = [
            "company": lead.org, "lifecyclestage": mapping.lifecycleStage, "hs_lead_status": mapping.hubSpotLeadStatus,
            "discovery_lead_id": lead.label, "discovery_stage": lead.stage.rawValue,
            "discovery_stage_reason": lead.stageReason?.rawValue ?? "", "discovery_profile": lead.profile,
            "discovery_consent": CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent).rawValue,
            "discovery_owner": lead.owner ?? "", "discovery_org_type": lead.type ?? "",
            "discovery_specialty": lead.specialty ?? "", "discovery_region": lead.region ?? "",
            "discovery_beds": lead.beds.map(String.init) ?? "", "discovery_source": lead.source ?? "",
        ]
        if let contact {
            let name = PersonName(splitting: contact.name)
            c["salutation"] = name.salutation
            c["firstname"] = name.first
            c["lastname"] = name.last
            c["email"] = contact.email ?? ""
            c["phone"] = contact.phone ?? ""
            c["jobtitle"] = contact.title ?? ""
            c["discovery_role"] = contact.role?.rawValue ?? ""
        }
        return c
    }
}
