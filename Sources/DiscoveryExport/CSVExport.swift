import DiscoveryCore

/// Our own CSV columns: every lead and contact field `import` needs to rebuild them exactly.
public struct CSVExport: CSVRowExport {
    public static let columns = [
        "lead_id", "org", "type", "specialty", "region", "beds", "source", "profile", "consent", "owner",
        "stage", "stage_reason", "stage_note", "created_at", "mql_at",
        "contact_name", "contact_title", "contact_role", "contact_email", "contact_phone", "contact_consent",
    ]

    let csv = CSVWriter(header: CSVExport.columns, phoneColumns: ["contact_phone"])

    public init() {}

    func cells(_ lead: Lead, contact: Contact?) -> [String: String] {
        var c: [String: String] = [
            "lead_id": lead.label, "org": lead.org, "type": lead.type ?? "", "specialty": lead.specialty ?? "",
            "region": lead.region ?? "", "beds": lead.beds.map(String.init) ?? "", "source": lead.source ?? "",
            "profile": lead.profile, "consent": lead.consent.rawValue, "owner": lead.owner ?? "",
            "stage": lead.stage.rawValue, "stage_reason": lead.stageReason?.rawValue ?? "",
            "stage_note": lead.stageNote ?? "", "created_at": Dates.iso(lead.createdAt),
            "mql_at": lead.mqlAt.map(Dates.iso) ?? "",
        ]
        if let contact {
            c["contact_name"] = contact.name
            c["contact_title"] = contact.title ?? ""
            c["contact_role"] = contact.role?.rawValue ?? ""
            c["contact_email"] = contact.email ?? ""
            c["contact_phone"] = contact.phone ?? ""
            c["contact_consent"] = contact.consent.rawValue
        }
        return c
    }
}
