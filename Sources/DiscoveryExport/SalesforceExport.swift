import DiscoveryCore

/// Salesforce Lead import (Data Import Wizard / Data Loader): Lead object API names.
public struct SalesforceExport: CSVRowExport {
    public static let columns = [
        "Salutation", "FirstName", "LastName", "Company", "Title", "Email", "Phone",
        "LeadSource", "Status", "Rating", "Description", "DoNotCall", "HasOptedOutOfEmail",
    ]

    /// `LastName` is required on a Salesforce Lead: a lead without contacts gets this one.
    public static let unknownLastName = "Unknown"

    let csv = CSVWriter(header: SalesforceExport.columns, phoneColumns: ["Phone"])

    public init() {}

    func cells(_ lead: Lead, contact: Contact?) -> [String: String] {
        let mapping = CRMMapping.row(for: lead.stage)
        let consent = CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent)
        var c: [String: String] = [
            "LastName": Self.unknownLastName, "Company": lead.org, "LeadSource": lead.source ?? "",
            "Status": mapping.salesforceStatus, "Rating": mapping.salesforceRating,
            "Description": Self.description(lead, contact: contact),
            "DoNotCall": CRMMapping.salesforceOptOut(consent), "HasOptedOutOfEmail": CRMMapping.salesforceOptOut(consent),
        ]
        if let contact {
            let name = PersonName(splitting: contact.name)
            c["Salutation"] = name.salutation
            c["FirstName"] = name.first
            c["LastName"] = name.last.isEmpty ? Self.unknownLastName : name.last
            c["Title"] = contact.title ?? ""
            c["Email"] = contact.email ?? ""
            c["Phone"] = contact.phone ?? ""
        }
        return c
    }

    /// What Salesforce has no field for, on one line: `discovery L7; stage mql; profile ...`.
    static func description(_ lead: Lead, contact: Contact?) -> String {
        var parts = ["discovery \(lead.label)", "stage \(lead.stage.rawValue)"]
        if let r = lead.stageReason { parts.append("reason \(r.rawValue)") }
        parts.append("profile \(lead.profile)")
        if let t = lead.type { parts.append("type \(t)") }
        if let s = lead.specialty { parts.append("specialty \(s)") }
        if let r = lead.region { parts.append("region \(r)") }
        if let b = lead.beds { parts.append("\(b) beds") }
        if let o = lead.owner { parts.append("owner \(o)") }
        if let role = contact?.role { parts.append("contact role \(role.rawValue)") }
        parts.append("consent \(CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent).rawValue)")
        return parts.joined(separator: "; ")
    }
}
