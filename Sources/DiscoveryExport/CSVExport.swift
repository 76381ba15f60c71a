import DiscoveryCore

/// Our own CSV columns: every lead and contact field `import` needs to rebuild them exactly.
public struct CSVExport: CSVRowExport {
    static let table: [CSVColumn<LeadContact>] = [
        CSVColumn("lead_id") { $0.lead.label },
        CSVColumn("org") { $0.lead.org },
        CSVColumn("type") { $0.lead.type ?? "" },
        CSVColumn("specialty") { $0.lead.specialty ?? "" },
        CSVColumn("region") { $0.lead.region ?? "" },
        CSVColumn("beds") { $0.lead.beds.map(String.init) ?? "" },
        CSVColumn("source") { $0.lead.source ?? "" },
        CSVColumn("profile") { $0.lead.profile },
        CSVColumn("consent") { $0.lead.consent.rawValue },
        CSVColumn("owner") { $0.lead.owner ?? "" },
        CSVColumn("stage") { $0.lead.stage.rawValue },
        CSVColumn("stage_reason") { $0.lead.stageReason?.rawValue ?? "" },
        CSVColumn("stage_note") { $0.lead.stageNote ?? "" },
        CSVColumn("created_at") { Dates.iso($0.lead.createdAt) },
        CSVColumn("mql_at") { $0.lead.mqlAt.map(Dates.iso) ?? "" },
        CSVColumn("contact_name") { $0.contact?.name ?? "" },
        CSVColumn("contact_title") { $0.contact?.title ?? "" },
        CSVColumn("contact_role") { $0.contact?.role?.rawValue ?? "" },
        CSVColumn("contact_email") { $0.contact?.email ?? "" },
        CSVColumn("contact_phone", isPhone: true) { $0.contact?.phone ?? "" },
        CSVColumn("contact_consent") { $0.contact?.consent.rawValue ?? "" },
        CSVColumn("website") { $0.lead.website ?? "" },
        CSVColumn("contact_salutation") { $0.contact?.nameParts?.salutation ?? "" },
        CSVColumn("contact_first_name") { $0.contact?.nameParts?.first ?? "" },
        CSVColumn("contact_last_name") { $0.contact?.nameParts?.last ?? "" },
        CSVColumn("contact_suffix") { $0.contact?.nameParts?.suffix ?? "" },
        CSVColumn("contact_source") { $0.contact?.source ?? "" },
        CSVColumn("contact_do_not_call") { $0.contact.map { $0.doNotCall ? "true" : "false" } ?? "" },
        CSVColumn("contact_email_opt_out") { $0.contact.map { $0.emailOptOut ? "true" : "false" } ?? "" },
        CSVColumn("contact_hubspot_id") { $0.contact?.hubSpotId ?? "" },
        CSVColumn("contact_salesforce_id") { $0.contact?.salesforceId ?? "" },
    ]

    public static let columns = table.map(\.name)

    let csv = CSVWriter(table)

    public init() {}

    func row(_ lead: Lead, contact: Contact?) -> LeadContact {
        LeadContact(lead: lead, contact: contact)
    }
}
