import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

/// One encoding of a lead and of a contact, shown with the documented keys by each document
/// (`docs/handoff-json.md`, SPEC §8): the key lists here are the contract.
@Suite struct LeadJSONTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)
    static let lead = Lead(id: 7, org: "Mercy Regional", profile: "capital-equipment", createdAt: at)
    static let contact = Contact(id: 1, leadId: 7, name: "Dr. Ana Ruiz", createdAt: at)

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func theListingShowsItsFieldsWithNullsNeverMissingKeys() throws {
        let o = try Self.object(JSONText.encode(LeadJSON(Self.lead, fields: LeadJSONField.listing)))
        #expect(Set(o.keys) == ["id", "org", "type", "specialty", "region", "beds", "source", "profile", "consent", "owner",
                                "stage", "stage_reason", "created_at", "updated_at", "mql_at"])
        #expect(o["id"] as? String == "L7")
        #expect(o["type"] is NSNull)
        #expect(o["created_at"] as? String == "2026-03-02T09:00:00Z")
    }

    @Test func theExportRecordHasTheDocumentedKeys() throws {
        var writer = JSONExport()
        let o = try Self.object(writer.write(Self.lead, contacts: [Self.contact]))
        #expect(Set(o.keys) == ["schema_version", "id", "org", "type", "specialty", "region", "beds", "source", "profile",
                                "consent", "owner", "stage", "stage_reason", "stage_note", "created_at", "updated_at",
                                "stage_changed_at", "mql_at", "contacts", "crm",
                                // The verdict keys of `status --json` (null here: no verdict given).
                                "verdict", "mql", "scores", "bands", "gates", "missing_gates", "hard_stops", "flags"])
        let contact = try #require((o["contacts"] as? [[String: Any]])?.first)
        #expect(Set(contact.keys) == ["name", "title", "role", "email", "phone", "consent"])
        let crm = try #require(o["crm"] as? [String: Any])
        #expect(Set(crm.keys) == ["hubspot_lifecyclestage", "hubspot_lead_status", "salesforce_status", "salesforce_rating"])
    }

    @Test func theHandoffLeadHasTheDocumentedKeys() throws {
        struct Extra: Encodable { let profileTitle: String }
        let o = try Self.object(JSONText.encode(LeadJSON(Self.lead, fields: LeadJSONField.handoff, extra: Extra(profileTitle: "Capital"))))
        #expect(Set(o.keys) == ["id", "org", "type", "specialty", "region", "beds", "profile", "profile_title", "owner", "stage",
                                "stage_reason", "stage_note", "stage_changed_at", "created_at", "mql_at", "consent"])
    }

    @Test func aContactIsTheSameObjectEverywhere() throws {
        let o = try Self.object(JSONText.encode(ContactJSON(Self.contact)))
        #expect(Set(o.keys) == ["name", "title", "role", "email", "phone", "consent"])
        #expect(o["consent"] as? String == "unknown")
        #expect(o["email"] is NSNull)
    }
}
