import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// An import longer than a slice of rows (PostgreSQL fetches and writes 500 rows at once): rows
/// find, by export key, by email and by organisation, what rows of earlier slices of the same
/// batch created, and an email of another person is a conflict there too.
@Suite struct ImportSliceContractTests {
    static let n = 700

    static func row(_ line: Int, key: String?, org: String, name: String, email: String, region: String) -> ImportItem {
        var lead = ImportRecord.LeadPart(org: org)
        lead.region = region
        return .record(ImportRecord(line: line, leadKey: key, lead: lead, contact: ImportRecord.ContactPart(name: name, email: email)))
    }

    @Test(arguments: Backend.all) func laterRowsFindWhatEarlierSlicesCreated(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var items: [ImportItem] = []
        // Lines 2...701: a lead and a contact each.
        for i in 0..<Self.n {
            items.append(Self.row(i + 2, key: "K\(i)", org: "Org \(i)", name: "Person \(i)", email: "p\(i)@org\(i).example", region: "US-OH"))
        }
        // The same leads by export key, new region; the same contacts by email, new name casing only.
        for i in 0..<Self.n {
            items.append(Self.row(Self.n + i + 2, key: "K\(i)", org: "Org \(i)", name: "person \(i)", email: "P\(i)@ORG\(i).example",
                                  region: "US-MI"))
        }
        // By organisation name (no key), a second contact; then an email of another person.
        items.append(Self.row(2 * Self.n + 2, key: nil, org: "ORG 3", name: "Second Person", email: "second@org3.example", region: "US-MI"))
        items.append(Self.row(2 * Self.n + 3, key: nil, org: "Elsewhere", name: "Not Person", email: "p650@org650.example", region: "US-MI"))
        var rest = items[...]
        var bad: [Int] = []
        let tally = try store.importRows(
            ImportOptions(dryRun: false, actor: "mkto", at: ContractTime.t0, defaultProfile: "consumables"),
            next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() },
            onBad: { bad.append($0.line) }, progress: { _ in })
        #expect(bad == [2 * Self.n + 3])
        #expect([tally.leadsCreated, tally.contactsCreated, tally.leadsUpdated, tally.contactsUpdated, tally.unchanged, tally.conflicts]
                == [Self.n, Self.n + 1, Self.n, 0, 0, 1] as [Int])
        let leads = try store.leads()
        #expect(leads.count == Self.n)
        #expect(leads.allSatisfy { $0.region == "US-MI" })
        #expect(leads.map(\.org) == (0..<Self.n).map { "Org \($0)" })
        #expect(try store.contacts(lead: leads[3].id).map(\.name) == ["Person 3", "Second Person"])
        #expect(try store.contacts(lead: leads[650].id).map(\.email) == ["p650@org650.example"])
    }
}
