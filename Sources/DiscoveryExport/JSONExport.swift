import DiscoveryCore
import Foundation

/// `export --format json`: a JSON array with one object per lead, one object per line, so it
/// streams and `jq` or any JSON reader takes it whole. Each lead carries its verdict keys
/// (those of `status --json`) when the caller evaluated it.
public struct JSONExport: LeadExportWriter {
    private var count = 0
    /// The bytes of the record being written, reused from one lead to the next.
    private var json = JSONCompactText()

    public init() {}

    public func begin() -> String { "[\n" }

    public mutating func write(_ lead: Lead, contacts: [Contact]) -> String {
        write(lead, contacts: contacts, verdict: nil)
    }

    /// One lead with its verdict keys (`null` each when the lead's profile cannot be evaluated).
    public mutating func write(_ lead: Lead, contacts: [Contact], verdict: Verdict?) -> String {
        defer { count += 1 }
        if JSONText.writtenByFoundation {
            return (count == 0 ? "" : ",\n") + JSONText.encode(record(lead, contacts: contacts, verdict: verdict), pretty: false)
        }
        // Written straight as bytes (`JSONExport+Writable`): the same text as `record`'s, faster.
        json.reset()
        if count > 0 { json.bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
        Self.writeRecord(lead, contacts: contacts, verdict: verdict, to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    public func end() -> String { count == 0 ? "]\n" : "\n]\n" }

    func record(_ lead: Lead, contacts: [Contact], verdict: Verdict?) -> LeadJSON<ExportExtra> {
        LeadJSON(lead, fields: LeadJSONField.export,
                 extra: ExportExtra(contacts: contacts.map(ContactJSON.init), crm: CRMRecordJSON(CRMMapping.row(for: lead.stage)),
                                    verdict: verdict.map(VerdictJSON.init)))
    }
}

/// What `export --format json` writes beside a lead's fields.
struct ExportExtra: Encodable {
    let schemaVersion = JSONText.schemaVersion
    let contacts: [ContactJSON]
    let crm: CRMRecordJSON
    /// The verdict keys of `status --json`; each `null` when the lead could not be evaluated.
    let verdict: VerdictJSON?

    enum CodingKeys: String, CodingKey {
        case schemaVersion, contacts, crm
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(contacts, forKey: .contacts)
        try c.encode(crm, forKey: .crm)
        if let verdict {
            try verdict.encode(to: encoder)
        } else {
            var none = encoder.container(keyedBy: VerdictJSON.CodingKeys.self)
            for key in VerdictJSON.CodingKeys.allCases { try none.encodeNil(forKey: key) }
        }
    }
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
