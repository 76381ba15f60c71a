import DiscoveryCore

/// Salesforce Lead import (Data Import Wizard / Data Loader): Lead object API names.
public struct SalesforceExport: CSVRowExport {
    /// `LastName` is required on a Salesforce Lead: a lead without contacts gets this one.
    public static let unknownLastName = "Unknown"

    /// What the columns read: the lead, its contact, the contact's name split once, the
    /// stage's CRM values and the consent that holds for the person.
    struct Row {
        let lead: Lead
        let contact: Contact?
        let name: CRMName?
        let mapping: CRMMapping.StageRow
        let consent: Consent
    }

    static let table: [CSVColumn<Row>] = [
        CSVColumn("Salutation") { $0.name?.parts.salutation ?? "" },
        CSVColumn("FirstName") { $0.name?.parts.first ?? "" },
        CSVColumn("LastName") { row in row.name.map { $0.lastColumn.isEmpty ? unknownLastName : $0.lastColumn } ?? unknownLastName },
        CSVColumn("Company") { $0.lead.org },
        CSVColumn("Website") { $0.lead.website ?? "" },
        CSVColumn("Title") { $0.contact?.title ?? "" },
        CSVColumn("Email") { $0.contact?.email ?? "" },
        CSVColumn("Phone", isPhone: true) { $0.contact?.phone ?? "" },
        CSVColumn("LeadSource") { $0.contact?.source ?? $0.lead.source ?? "" },
        CSVColumn("Status") { $0.mapping.salesforceStatus },
        CSVColumn("Rating") { $0.mapping.salesforceRating },
        CSVColumn("Description") { description($0.lead, contact: $0.contact) },
        CSVColumn("DoNotCall") { CRMMapping.salesforceOptOut($0.consent, fact: $0.contact?.doNotCall ?? false) },
        CSVColumn("HasOptedOutOfEmail") { CRMMapping.salesforceOptOut($0.consent, fact: $0.contact?.emailOptOut ?? false) },
        CSVColumn("Id") { $0.contact?.salesforceId ?? "" },
    ]

    public static let columns = table.map(\.name)

    let csv = CSVWriter(table)
    public private(set) var warnings: [String] = []

    public init() {}

    mutating func rows(_ lead: Lead, contacts: [Contact]) -> [Row] {
        let rows = contacts.isEmpty ? [row(lead, contact: nil)] : contacts.map { row(lead, contact: $0) }
        for r in rows { warnings += CRMName.warnings(r.name, lead: lead, contact: r.contact) }
        return rows
    }

    func row(_ lead: Lead, contact: Contact?) -> Row {
        Row(lead: lead, contact: contact, name: contact.map(CRMName.init),
            mapping: CRMMapping.row(for: lead.stage),
            consent: CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent))
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
