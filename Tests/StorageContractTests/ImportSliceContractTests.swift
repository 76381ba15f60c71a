import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// An import longer than a slice of rows (PostgreSQL fetches and writes 2,000 rows at once): rows
/// find, by export key, by email and by organisation, what rows of earlier slices of the same
/// batch created, and an email of another person is a conflict there too.
@Suite struct ImportSliceContractTests {
    static let n = 2_100

    static func row(_ line: Int, key: String?, org: String, name: String, email: String, region: String) -> ImportItem {
        var lead = ImportRecord.LeadPart(org: org)
        lead.region = region
        return .record(ImportRecord(line: line, leadKey: key, lead: lead, contact: ImportRecord.ContactPart(name: name, email: email)))
    }

    @Test(arguments: Backend.all) func laterRowsFindWhatEarlierSlicesCreated(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var items: [ImportItem] = []
        // Lines 2...2101: a lead and a contact each.
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
        items.append(Self.row(2 * Self.n + 3, key: nil, org: "Elsewhere", name: "Not Person", email: "p2050@org2050.example", region: "US-MI"))
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
        #expect(try store.contacts(lead: leads[2050].id).map(\.email) == ["p2050@org2050.example"])
    }

    /// Rows that change a lead and a contact created a few rows earlier, in the same slice
    /// (PostgreSQL writes such a lead or contact once, as the slice left it): the stored values
    /// are the last row's, and every change is audited as on its own.
    @Test(arguments: Backend.all) func rowsChangeWhatEarlierRowsOfTheSameSliceCreated(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        func row(_ line: Int, region: String, specialty: String?, beds: Int?, name: String, title: String?) -> ImportItem {
            var lead = ImportRecord.LeadPart(org: "Mercy")
            lead.region = region
            lead.specialty = specialty
            lead.beds = beds
            return .record(ImportRecord(line: line, lead: lead, contact: .init(name: name, title: title, email: "ana@mercy.example")))
        }
        let items = [row(2, region: "US-OH", specialty: nil, beds: nil, name: "Ana Ruiz", title: nil),
                     row(3, region: "US-MI", specialty: "cardiology", beds: nil, name: "Ana Ruiz", title: "CNO"),
                     row(4, region: "US-MI", specialty: "oncology", beds: 120, name: "Ana Ruiz", title: "CMO")]
        var rest = items[...]
        let tally = try store.importRows(
            ImportOptions(dryRun: false, actor: "mkto", at: ContractTime.t0, defaultProfile: "consumables"),
            next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() }, onBad: { _ in }, progress: { _ in })
        #expect([tally.leadsCreated, tally.contactsCreated, tally.leadsUpdated, tally.contactsUpdated] == [1, 1, 2, 2] as [Int])
        let lead = try #require(try store.leads().first)
        #expect([lead.region, lead.specialty] == ["US-MI", "oncology"] && lead.beds == 120)
        let contact = try #require(try store.contacts(lead: lead.id).first)
        #expect(contact.name == "Ana Ruiz" && contact.title == "CMO")
        let entries = try store.audit(lead: lead.id).sorted { $0.id < $1.id }
        #expect(entries.map { "\($0.action.rawValue) \($0.entity) \($0.field ?? "-") \($0.oldValue ?? "-") \($0.newValue ?? "-")" } == [
            "create lead - - Mercy", "create contact - - Ana Ruiz",
            "update lead specialty - cardiology", "update lead region US-OH US-MI", "update contact title - CNO",
            "update lead specialty cardiology oncology", "update lead beds - 120", "update contact title CNO CMO",
        ])
        #expect(Set(entries.map(\.changeId)).count == 1 && entries.allSatisfy { $0.entityId == ($0.entity == "lead" ? lead.id : contact.id) })
    }
}
