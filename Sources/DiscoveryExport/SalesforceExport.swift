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
        /// The text cells as written: within their picklists and lengths.
        var cells: [String: String] = [:]
        /// What had to change to fit, for the warning.
        var fitted: [String] = []
    }

    /// The cells of a row, fitted to Salesforce's picklists and lengths once (`cells(...)`).
    static let table: [CSVColumn<Row>] = [
        CSVColumn("Salutation") { $0.cells["Salutation"] ?? "" },
        CSVColumn("FirstName") { $0.cells["FirstName"] ?? "" },
        CSVColumn("LastName") { $0.cells["LastName"] ?? "" },
        CSVColumn("Company") { $0.cells["Company"] ?? "" },
        CSVColumn("Website") { $0.cells["Website"] ?? "" },
        CSVColumn("Title") { $0.cells["Title"] ?? "" },
        CSVColumn("Email") { $0.cells["Email"] ?? "" },
        CSVColumn("Phone", isPhone: true) { $0.cells["Phone"] ?? "" },
        CSVColumn("LeadSource") { $0.cells["LeadSource"] ?? "" },
        CSVColumn("Status") { $0.mapping.salesforceStatus },
        CSVColumn("Rating") { $0.mapping.salesforceRating },
        CSVColumn("Description") { $0.cells["Description"] ?? "" },
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
        for r in rows {
            warnings += CRMName.warnings(r.name, lead: lead, contact: r.contact)
            let who = r.contact.map { " contact '\($0.name)'" } ?? ""
            warnings += r.fitted.map { "\(lead.label) \(lead.org)\(who): \($0)" }
        }
        return rows
    }

    func row(_ lead: Lead, contact: Contact?) -> Row {
        let name = contact.map(CRMName.init)
        var row = Row(lead: lead, contact: contact, name: name, mapping: CRMMapping.row(for: lead.stage),
                      consent: CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent))
        let last = name?.lastColumn ?? ""
        let raw: [(String, String)] = [
            ("FirstName", name?.parts.first ?? ""), ("LastName", last.isEmpty ? Self.unknownLastName : last),
            ("Company", lead.org), ("Website", lead.website ?? ""), ("Title", contact?.title ?? ""),
            ("Email", contact?.email ?? ""), ("Phone", contact?.phone ?? ""),
            ("LeadSource", contact?.source ?? lead.source ?? ""), ("Description", Self.description(lead, contact: contact)),
        ]
        for (field, value) in raw {
            let (fitted, cut) = SalesforceFields.fit(value, field: field)
            row.cells[field] = fitted
            if cut { row.fitted.append("\(field) cut to \(SalesforceFields.lengths[field] ?? 0) characters") }
        }
        if let s = name?.parts.salutation, !s.isEmpty {
            if let value = SalesforceFields.salutation(s) {
                row.cells["Salutation"] = value
            } else {
                row.fitted.append("Salutation '\(s)' is not in Salesforce's picklist (\(SalesforceFields.salutations.joined(separator: ", "))); left empty")
            }
        }
        if let source = row.cells["LeadSource"], !source.isEmpty, !SalesforceFields.leadSources.contains(source) {
            row.fitted.append("LeadSource '\(source)' is not in Salesforce's default picklist (\(SalesforceFields.leadSources.joined(separator: ", "))): add it to the picklist or map it in the import")
        }
        return row
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
