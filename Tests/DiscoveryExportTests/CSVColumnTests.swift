import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

@Suite struct CSVColumnTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    /// A lead and contact whose every field holds a value no other field holds.
    static let lead = Lead(id: 42, org: "v-org", type: "v-type", specialty: "v-specialty", region: "v-region", beds: 321,
                           source: "v-source", profile: "v-profile", consent: .yes, owner: "v-owner", stage: .disqualified,
                           stageReason: .noBudget, stageNote: "v-note", createdAt: at, mqlAt: at.addingTimeInterval(60))
    static let contact = Contact(id: 5, leadId: 42, name: "Dr. Vera Name", title: "v-title", role: .champion,
                                 email: "v@example.org", phone: "+1 555 010 0100", consent: .no, createdAt: at)

    static func cells(_ format: ExportFormat, contact: Contact?, withCustom: Bool = false) throws -> [String: String] {
        var w = format.makeWriter(withCustom: withCustom)
        let text = w.begin() + w.write(lead, contacts: contact.map { [$0] } ?? [])
        CRMImportValidator.check(text, format: format)
        let rows = try ReferenceCSV.parse(text)
        #expect(rows.count == 2 && rows[0].count == rows[1].count)
        return Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
    }

    @Test func ourColumnsCarryEachFieldUnderItsOwnName() throws {
        let c = try Self.cells(.csv, contact: Self.contact)
        #expect(c == [
            "lead_id": Self.lead.label, "org": "v-org", "type": "v-type", "specialty": "v-specialty", "region": "v-region",
            "beds": "321", "source": "v-source", "profile": "v-profile", "consent": "yes", "owner": "v-owner",
            "stage": "disqualified", "stage_reason": "no-budget", "stage_note": "v-note", "created_at": "2026-03-02T09:00:00Z",
            "mql_at": "2026-03-02T09:01:00Z", "contact_name": "Dr. Vera Name", "contact_title": "v-title",
            "contact_role": "champion", "contact_email": "v@example.org", "contact_phone": "+1 555 010 0100",
            "contact_consent": "no", "website": "", "contact_salutation": "", "contact_first_name": "",
            "contact_last_name": "", "contact_suffix": "", "contact_source": "", "contact_do_not_call": "false",
            "contact_email_opt_out": "false", "contact_hubspot_id": "", "contact_salesforce_id": "",
        ])
        #expect(Array(c.keys).sorted() == CSVExport.columns.sorted())
        let none = try Self.cells(.csv, contact: nil)
        #expect(CSVExport.columns.filter { $0.hasPrefix("contact_") }.allSatisfy { none[$0] == "" })
    }

    @Test func hubSpotColumnsCarryEachFieldUnderItsOwnName() throws {
        let c = try Self.cells(.hubspot, contact: Self.contact, withCustom: true)
        #expect(c == [
            "hs_object_id": "", "website": "", "salutation": "Dr.", "firstname": "Vera", "lastname": "Name", "email": "v@example.org", "phone": "+1 555 010 0100",
            "jobtitle": "v-title", "company": "v-org", "lifecyclestage": "other", "hs_lead_status": "UNQUALIFIED",
            "discovery_lead_id": Self.lead.label, "discovery_stage": "disqualified", "discovery_stage_reason": "no-budget",
            "discovery_profile": "v-profile", "discovery_role": "champion", "discovery_consent": "no", "discovery_owner": "v-owner",
            "discovery_org_type": "v-type", "discovery_specialty": "v-specialty", "discovery_region": "v-region",
            "discovery_beds": "321", "discovery_source": "v-source",
        ])
    }

    @Test func hubSpotCustomColumnsOnlyWhenAskedForAndNoRowForALeadWithoutContacts() throws {
        let plain = try Self.cells(.hubspot, contact: Self.contact)
        #expect(plain.keys.filter { $0.hasPrefix("discovery_") }.isEmpty)
        #expect(Set(plain.keys) == Set(HubSpotExport.columns))
        var w = HubSpotExport()
        #expect(w.write(Self.lead, contacts: []).isEmpty)
        #expect(w.leftOut.map(\.id) == [42])
        #expect(w.warnings.first?.contains("L42 v-org") == true)
    }

    @Test func salesforceColumnsCarryEachFieldUnderItsOwnName() throws {
        let c = try Self.cells(.salesforce, contact: Self.contact)
        #expect(c["Salutation"] == "Dr." && c["FirstName"] == "Vera" && c["LastName"] == "Name")
        #expect(c["Company"] == "v-org" && c["Title"] == "v-title" && c["Email"] == "v@example.org")
        #expect(c["Phone"] == "+1 555 010 0100" && c["LeadSource"] == "v-source")
        #expect(c["Status"] == "Closed - Not Converted" && c["Rating"] == "Cold")
        #expect(c["DoNotCall"] == "true" && c["HasOptedOutOfEmail"] == "true")
        #expect(c["Description"] == SalesforceExport.description(Self.lead, contact: Self.contact))
        let none = try Self.cells(.salesforce, contact: nil)
        #expect(none["LastName"] == SalesforceExport.unknownLastName && none["FirstName"] == "")
    }

    @Test func onlyThePhoneColumnIsAPhoneColumn() {
        #expect(CSVExport.table.filter(\.isPhone).map(\.name) == ["contact_phone"])
        #expect(HubSpotExport.standard.filter(\.isPhone).map(\.name) == ["phone"])
        #expect(SalesforceExport.table.filter(\.isPhone).map(\.name) == ["Phone"])
    }
}
