import DiscoveryCore

/// HubSpot contact import: HubSpot's own property names, so a default account maps every
/// column by itself. `discovery_*` columns (custom properties the account must create first)
/// only with `withCustom`. Every row carries a first name, last name or email (HubSpot's
/// requirement for a contact row): a lead without contacts is left out and reported.
public struct HubSpotExport: CSVRowExport {
    /// What the columns read: the lead, its contact, the contact's name parts, the stage's
    /// CRM values and the lifecycle stage that may be written.
    struct Row {
        let lead: Lead
        let contact: Contact?
        let name: CRMName?
        let mapping: CRMMapping.StageRow
        let lifecycleStage: String
        let consent: Consent
    }

    static let standard: [CSVColumn<Row>] = [
        CSVColumn("hs_object_id") { $0.contact?.hubSpotId ?? "" },
        CSVColumn("salutation") { $0.name?.parts.salutation ?? "" },
        CSVColumn("firstname") { $0.name?.parts.first ?? "" },
        CSVColumn("lastname") { $0.name?.lastColumn ?? "" },
        CSVColumn("email") { $0.contact?.email ?? "" },
        CSVColumn("phone", isPhone: true) { $0.contact?.phone ?? "" },
        CSVColumn("jobtitle") { $0.contact?.title ?? "" },
        CSVColumn("company") { $0.lead.org },
        CSVColumn("website") { $0.lead.website ?? "" },
        CSVColumn("lifecyclestage") { $0.lifecycleStage },
        CSVColumn("hs_lead_status") { $0.mapping.hubSpotLeadStatus },
    ]

    /// Custom properties: written only when asked for (`--with-custom`).
    static let custom: [CSVColumn<Row>] = [
        CSVColumn("discovery_lead_id") { $0.lead.label },
        CSVColumn("discovery_stage") { $0.lead.stage.rawValue },
        CSVColumn("discovery_stage_reason") { $0.lead.stageReason?.rawValue ?? "" },
        CSVColumn("discovery_profile") { $0.lead.profile },
        CSVColumn("discovery_role") { $0.contact?.role?.rawValue ?? "" },
        CSVColumn("discovery_consent") { $0.consent.rawValue },
        CSVColumn("discovery_owner") { $0.lead.owner ?? "" },
        CSVColumn("discovery_org_type") { $0.lead.type ?? "" },
        CSVColumn("discovery_specialty") { $0.lead.specialty ?? "" },
        CSVColumn("discovery_region") { $0.lead.region ?? "" },
        CSVColumn("discovery_beds") { $0.lead.beds.map(String.init) ?? "" },
        CSVColumn("discovery_source") { $0.contact?.source ?? $0.lead.source ?? "" },
    ]

    public static let columns = standard.map(\.name)
    public static let customColumns = custom.map(\.name)

    let csv: CSVWriter<Row>
    private var rowWarnings: [String] = []
    /// The emails of people who must not get email (consent `no` or an email opt-out): HubSpot
    /// takes them through its opt-out list import, not as a contact property.
    public private(set) var optOutEmails: [String] = []
    /// Leads left out: no contact with a first name, last name or email.
    public private(set) var leftOut: [Lead] = []

    public init(withCustom: Bool = false) {
        csv = CSVWriter(withCustom ? Self.standard + Self.custom : Self.standard)
    }

    func row(_ lead: Lead, contact: Contact?) -> Row {
        let mapping = CRMMapping.row(for: lead.stage)
        return Row(lead: lead, contact: contact, name: contact.map(CRMName.init), mapping: mapping,
                   lifecycleStage: CRMMapping.hubSpotLifecycleToWrite(for: lead) ?? "",
                   consent: CRMMapping.effectiveConsent(lead: lead.consent, contact: contact?.consent))
    }

    mutating func rows(_ lead: Lead, contacts: [Contact]) -> [Row] {
        let rows = contacts.map { row(lead, contact: $0) }.filter { r in
            !(r.name?.parts.first.isEmpty ?? true) || !(r.name?.lastColumn.isEmpty ?? true) || r.contact?.email != nil
        }
        if rows.isEmpty {
            leftOut.append(lead)
            return []
        }
        for r in rows {
            rowWarnings += CRMName.warnings(r.name, lead: lead, contact: r.contact)
            if let email = r.contact?.email, r.consent == .no || r.contact?.emailOptOut == true { optOutEmails.append(email) }
        }
        return rows
    }

    /// The leads left out, as one warning (HubSpot refuses a contact row without a first name,
    /// last name or email).
    public var leftOutWarning: String? {
        guard !leftOut.isEmpty else { return nil }
        let names = leftOut.prefix(20).map { "\($0.label) \($0.org)" }.joined(separator: ", ")
        let more = leftOut.count > 20 ? ", and \(leftOut.count - 20) more" : ""
        return "\(leftOut.count) lead\(leftOut.count == 1 ? "" : "s") left out: HubSpot imports a contact row only with a first name, last name or email, and \(leftOut.count == 1 ? "it has" : "they have") no such contact: \(names)\(more). Add a contact (contact add), or create the companies in HubSpot"
    }

    public var warnings: [String] { rowWarnings + (leftOutWarning.map { [$0] } ?? []) }

    /// HubSpot's opt-out list import: one column of emails.
    public func optOutList() -> String {
        "email\r\n" + optOutEmails.map { CSVCell.render($0) + "\r\n" }.joined()
    }
}
