import DiscoveryCore
import Foundation

/// `export --format json`: a JSON array with one object per lead, one object per line, so it
/// streams and `jq` or any JSON reader takes it whole.
public struct JSONExport: LeadExportWriter {
    private var count = 0

    public init() {}

    public func begin() -> String { "[\n" }

    public mutating func write(_ lead: Lead, contacts: [Contact]) -> String {
        defer { count += 1 }
        return (count == 0 ? "" : ",\n") + JSONText.encode(record(lead, contacts: contacts), pretty: false)
    }

    public func end() -> String { count == 0 ? "]\n" : "\n]\n" }

    func record(_ lead: Lead, contacts: [Contact]) -> LeadJSON<ExportExtra> {
        LeadJSON(lead, fields: LeadJSONField.export,
                 extra: ExportExtra(contacts: contacts.map(ContactJSON.init), crm: CRMRecordJSON(CRMMapping.row(for: lead.stage))))
    }
}

/// What `export --format json` writes beside a lead's fields.
struct ExportExtra: Encodable {
    let schemaVersion = JSONText.schemaVersion
    let contacts: [ContactJSON]
    let crm: CRMRecordJSON
}

/// The lead's stage in CRM terms (the `CRMMapping` table).
struct CRMRecordJSON: Encodable {
    let hubspotLifecyclestage: String
    let hubspotLeadStatus: String
    let salesforceStatus: String
    let salesforceRating: String

    init(_ row: CRMMapping.StageRow) {
        hubspotLifecyclestage = row.lifecycleStage
        hubspotLeadStatus = row.hubSpotLeadStatus
        salesforceStatus = row.salesforceStatus
        salesforceRating = row.salesforceRating
    }
}
