import DiscoveryCore

/// `export --format json`'s record written straight as compact JSON: one object holding the
/// lead's fields, `schema_version`, `contacts`, `crm` and the verdict keys (each `null` without a
/// verdict), in key order. `JSONExport.record` is its `Encodable` reference.
extension JSONExport {
    enum RecordMember: Sendable {
        case field(LeadJSONField)
        case schemaVersion, contacts, crm
        case verdict(VerdictJSON.CodingKeys)
    }

    static let recordKeys = JSONObjectKeys(
        LeadJSONField.export.map(RecordMember.field) + [.schemaVersion, .contacts, .crm]
            + VerdictJSON.CodingKeys.allCases.map(RecordMember.verdict)
    ) { member in
        switch member {
        case .field(let field): field.stringValue
        case .schemaVersion: ExportExtra.CodingKeys.schemaVersion.stringValue
        case .contacts: ExportExtra.CodingKeys.contacts.stringValue
        case .crm: ExportExtra.CodingKeys.crm.stringValue
        case .verdict(let key): key.stringValue
        }
    }

    /// Appends the record of `lead` to `json`.
    static func writeRecord(_ lead: Lead, contacts: [Contact], verdict: Verdict?, to json: inout JSONCompactText) {
        let verdict = verdict.map(VerdictJSON.init)
        json.object(recordKeys) { member, json in
            switch member {
            case .field(let field): field.writeValue(of: lead, to: &json)
            case .schemaVersion: json.integer(JSONText.schemaVersion)
            case .contacts:
                json.array { json in
                    for contact in contacts {
                        json.element()
                        ContactJSON(contact).writeJSON(to: &json)
                    }
                }
            case .crm: CRMRecordJSON(CRMMapping.row(for: lead.stage)).writeJSON(to: &json)
            case .verdict(let key):
                if let verdict { verdict.writeValue(of: key, to: &json) } else { json.null() }
            }
        }
    }
}

extension CRMRecordJSON: JSONWritable {
    private enum Member: String, CaseIterable { case hubspotLifecyclestage, hubspotLeadStatus, salesforceStatus, salesforceRating }

    private static let keys = JSONObjectKeys(Member.allCases, name: \.rawValue)

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .hubspotLifecyclestage: json.string(hubspotLifecyclestage)
            case .hubspotLeadStatus: json.string(hubspotLeadStatus)
            case .salesforceStatus: json.string(salesforceStatus)
            case .salesforceRating: json.string(salesforceRating)
            }
        }
    }
}
