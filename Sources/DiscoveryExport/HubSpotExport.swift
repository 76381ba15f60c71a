import DiscoveryCore

/// HubSpot contact import: HubSpot's own property names, then `discovery_*` columns that
/// HubSpot maps to custom properties (create them, or choose "Don't import column").
public struct HubSpotExport: CSVRowExport {
    /// What the columns read: the lead, its contact, the contact's name split once, the stage's
    /// CRM values.
    struct Row {
        let lead: Lead
        let contact: Contact?
        let name: CRMName?
        let mapping: CRMMapping.StageRow
    }

    static let table: [CSVColumn<Row>] = [
        CSVColumn("salutation") { $0.name?.parts.salutation ?? "" },
        CSVColumn("firstname") { $0.name?.parts.first ?? "" },
        CSVColumn("lastname") { $0.name?.lastColumn ?? "" },
        CSVColumn("email") { $0.contact?.email ?? "" },
        CSVColumn("phone", isPhone: true) { $0.contact?.phone ?? "" },
        CSVColumn("jobtitle") { $0.contact?.title ?? "" },
        CSVColumn("company") { $0.lead.org },
        CSVColumn("lifecyclestage") { $0.mapping.lifecycleStage },
        CSVColumn("hs_lead_status") { $0.mapping.hubSpotLeadStatus },
        CSVColumn("discovery_lead_id") { $0.lead.label },
        CSVColumn("discovery_stage") { $0.lead.stage.rawValue },
        CSVColumn("discovery_stage_reason") { $0.lead.stageReason?.rawValue ?? "" },
        CSVColumn("discovery_profile") { $0.lead.profile },
        CSVColumn("discovery_role") { $0.contact?.role?.rawValue ?? "" },
        CSVColumn("discovery_consent") {
            CRMMapping.effectiveConsent(lead: $0.lead.consent, contact: $0.contact?.consent).rawValue
        },
        CSVColumn("discovery_owner") { $0.lead.owner ?? "" },
        CSVColumn("discovery_org_type") { $0.lead.type ?? "" },
        CSVColumn("discovery_specialty") { $0.lead.specialty ?? "" },
        CSVColumn("discovery_region") { $0.lead.region ?? "" },
        CSVColumn("discovery_beds") { $0.lead.beds.map(String.init) ?? "" },
        CSVColumn("discovery_source") { $0.lead.source ?? "" },
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
            mapping: CRMMapping.row(for: lead.stage))
    }
}
