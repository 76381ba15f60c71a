import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// `import`: rows matched and merged as the core's rules say, one change per batch.
@Suite struct ImportContractTests {
    let t0 = ContractTime.t0

    static func row(_ line: Int, key: String? = nil, org: String, name: String? = nil, email: String? = nil,
                    region: String? = nil, consent: Consent? = nil) -> ImportItem {
        var lead = ImportRecord.LeadPart(org: org)
        lead.region = region
        let contact = name.map { ImportRecord.ContactPart(name: $0, email: email, consent: consent) }
        return .record(ImportRecord(line: line, leadKey: key, lead: lead, contact: contact))
    }

    /// Runs an import of `items`; returns the tally and the lines of the bad rows.
    func run(_ store: any Storage, _ items: [ImportItem], dryRun: Bool = false, batchSize: Int = 100) throws -> (ImportTally, [Int]) {
        var rest = items[...]
        var bad: [Int] = []
        let tally = try store.importRows(
            ImportOptions(dryRun: dryRun, batchSize: batchSize, actor: "mkto", at: t0, defaultProfile: "consumables"),
            next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() },
            onBad: { bad.append($0.line) }, progress: { _ in })
        return (tally, bad)
    }

    static let file: [ImportItem] = [
        row(2, org: "Mercy Regional", name: "Ana Ruiz", email: "ana@mercy.org", region: "US-OH"),
        row(3, org: "MERCY REGIONAL", name: "Ben Ode"),
        .bad(ImportRowError(line: 4, message: "no organisation")),
        row(5, org: "Lakeview", name: "Cid Roy", email: "cid@lake.org", consent: .yes),
    ]

    @Test(arguments: Backend.all) func rowsCreateLeadsAndContactsAndAReimportChangesNothing(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let (tally, bad) = try run(store, Self.file)
        #expect(bad == [4])
        #expect([tally.leadsCreated, tally.contactsCreated, tally.leadsUpdated, tally.contactsUpdated, tally.unchanged, tally.skipped] == [2, 3, 0, 0, 0, 1] as [Int])
        #expect(tally.rows == 4)
        let leads = try store.leads()
        #expect(leads.map(\.org) == ["Mercy Regional", "Lakeview"])
        #expect(leads.map(\.owner) == ["mkto", "mkto"] && leads.map(\.profile) == ["consumables", "consumables"])
        #expect(try store.contacts(lead: leads[0].id).map(\.name) == ["Ana Ruiz", "Ben Ode"])
        let (again, _) = try run(store, Self.file)
        #expect([again.leadsCreated, again.contactsCreated, again.leadsUpdated, again.contactsUpdated, again.unchanged] as [Int] == [0, 0, 0, 0, 3])
    }

    @Test(arguments: Backend.all) func aContactsEmailFindsItsLeadWhateverTheRowCallsTheOrganisation(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        _ = try run(store, Self.file)
        let (tally, _) = try run(store, [Self.row(2, org: "Lakeview Health System", name: "Cid Roy", email: "CID@LAKE.ORG", region: "US-MI")])
        #expect([tally.leadsCreated, tally.leadsUpdated, tally.contactsCreated] as [Int] == [0, 1, 0])
        #expect(try store.leads().map(\.region) == ["US-OH", "US-MI"])
    }

    @Test(arguments: Backend.all) func anExportOfTwoLeadsOfOneNameComesBackAsTwo(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let (tally, _) = try run(store, [
            Self.row(2, key: "L1", org: "St. Mary", name: "Ana"), Self.row(3, key: "L1", org: "St. Mary", name: "Ben"),
            Self.row(4, key: "L2", org: "St. Mary", name: "Cid"),
        ], batchSize: 1)
        #expect(tally.leadsCreated == 2)
        let leads = try store.leads()
        #expect(try leads.map { try store.contacts(lead: $0.id).map(\.name) } == [["Ana", "Ben"], ["Cid"]])
    }

    @Test(arguments: Backend.all) func consentOnlyMovesTowardsNoAndEmptyCellsClearNothing(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        _ = try run(store, Self.file)
        _ = try run(store, [Self.row(2, org: "Lakeview", name: "Cid Roy", email: "cid@lake.org", consent: .no)])
        _ = try run(store, [Self.row(2, org: "Lakeview", name: "Cid Roy", email: "cid@lake.org", consent: .yes)])
        let lake = try #require(try store.leads(LeadFilter(search: "Lakeview")).first)
        #expect(try store.contacts(lead: lake.id).map(\.consent) == [.no])
        _ = try run(store, [Self.row(2, org: "Mercy Regional")])
        #expect(try store.leads().first?.region == "US-OH")
    }

    @Test(arguments: Backend.all) func aDryRunCountsExactlyAndWritesNothing(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let (dry, bad) = try run(store, Self.file, dryRun: true, batchSize: 1)
        let audit = try store.audit()
        #expect(bad == [4])
        #expect([dry.leadsCreated, dry.contactsCreated, dry.skipped] as [Int] == [2, 3, 1])
        #expect(try store.leads().isEmpty && audit.isEmpty)
        let (real, _) = try run(store, Self.file, batchSize: 1)
        #expect(real == dry)
    }

    @Test(arguments: Backend.all) func eachBatchIsOneChangeThatUndoReverts(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let rows = (0..<5).map { Self.row($0 + 2, org: "Org \($0)", name: "P\($0)") }
        _ = try run(store, rows, batchSize: 2)
        #expect(Set(try store.audit().map(\.changeId)).count == 3)
        _ = try store.undo(actor: "mkto", at: t0 + 1)
        #expect(try store.leads().map(\.org) == ["Org 0", "Org 1", "Org 2", "Org 3"])
    }

    @Test(arguments: Backend.all) func aFailingSourceKeepsTheBatchesAlreadyCommitted(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var n = 0
        let error = try #require(throws: DiscoveryError.self) {
            _ = try store.importRows(
                ImportOptions(dryRun: false, batchSize: 2, actor: "mkto", at: t0, defaultProfile: "consumables"),
                next: { () throws(DiscoveryError) -> ImportItem? in
                    n += 1
                    if n == 4 { throw DiscoveryError.failed("line 5: not UTF-8") }
                    return Self.row(n + 1, org: "Org \(n)")
                },
                onBad: { _ in }, progress: { _ in })
        }
        #expect(error.message.contains("not UTF-8"))
        #expect(try store.leads().map(\.org) == ["Org 1", "Org 2"])
    }
}

/// A CRM's record ids are learnt once and kept; a lead's website is read (issue 11 item 2).
@Suite struct ImportCRMIdContractTests {
    @Test(arguments: Backend.all) func recordIdsAndWebsiteAreKept(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var lead = ImportRecord.LeadPart(org: "Mercy")
        lead.website = "mercy.example"
        let ana = ImportRecord.ContactPart(name: "Ana Ruiz", email: "ana@mercy.example", hubSpotId: "5101")
        var ben = ImportRecord.ContactPart(name: "Ben Ode", email: "ben@mercy.example")
        let items: [ImportItem] = [.record(ImportRecord(line: 2, lead: lead, contact: ana)),
                                   .record(ImportRecord(line: 3, lead: lead, contact: ben))]
        var rest = items[...]
        let options = ImportOptions(dryRun: false, actor: "mkto", at: ContractTime.t0, defaultProfile: "consumables")
        _ = try store.importRows(options, next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() },
                                 onBad: { _ in }, progress: { _ in })
        ben.salesforceId = "00Q5e00000ABCDEAA1"
        let again: [ImportItem] = [.record(ImportRecord(line: 2, lead: ImportRecord.LeadPart(org: "Mercy"), contact: ben))]
        rest = again[...]
        _ = try store.importRows(options, next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() },
                                 onBad: { _ in }, progress: { _ in })
        let stored = try #require(try store.leads().first)
        #expect(stored.website == "mercy.example")
        let contacts = try store.contacts(lead: stored.id)
        #expect(contacts.map(\.hubSpotId) == ["5101", nil])
        #expect(contacts.map(\.salesforceId) == [nil, "00Q5e00000ABCDEAA1"])
    }
}

/// An import never turns one person into another (issue 11 item 11).
@Suite struct ImportConflictContractTests {
    func run(_ store: any Storage, _ items: [ImportItem], dryRun: Bool = false) throws -> (ImportTally, [ImportRowError]) {
        var rest = items[...]
        var bad: [ImportRowError] = []
        let tally = try store.importRows(
            ImportOptions(dryRun: dryRun, actor: "mkto", at: ContractTime.t0, defaultProfile: "consumables"),
            next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() }, onBad: { bad.append($0) }, progress: { _ in })
        return (tally, bad)
    }

    static func row(_ line: Int, org: String, name: String, email: String) -> ImportItem {
        var lead = ImportRecord.LeadPart(org: org)
        lead.region = "US-\(line)"
        return .record(ImportRecord(line: line, lead: lead, contact: .init(name: name, email: email)))
    }

    @Test(arguments: Backend.all) func anEmailOfAnotherPersonIsAConflictCountedInADryRunAndNotMerged(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        _ = try run(store, [Self.row(2, org: "Mercy", name: "Nia Brown", email: "nia@mercy.example")])
        let file = [Self.row(2, org: "Mercy", name: "Omar Haddad", email: "NIA@mercy.example"),
                    Self.row(3, org: "Mercy", name: "nia brown", email: "Nia@Mercy.example")]
        let (dry, dryBad) = try run(store, file, dryRun: true)
        #expect(dry.conflicts == 1 && dryBad.map(\.line) == [2])
        let before = try store.audit().count
        let (tally, bad) = try run(store, file)
        #expect(tally.conflicts == 1 && tally == dry)
        #expect(bad.first?.message.contains("'Nia Brown'") == true && bad.first?.message.contains("'Omar Haddad'") == true)
        let lead = try #require(try store.leads().first)
        let contacts = try store.contacts(lead: lead.id)
        #expect(contacts.map(\.name) == ["Nia Brown"])
        // The stored casing of the email stays; the conflicting row changed nothing of the lead.
        #expect(contacts.map(\.email) == ["nia@mercy.example"])
        #expect(lead.region == "US-3")
        #expect(try store.audit().count == before + 1)
    }

    @Test(arguments: Backend.all) func aNameOnlyKnownByEmailIsNoConflict(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        _ = try run(store, [Self.row(2, org: "Mercy", name: "nia@mercy.example", email: "nia@mercy.example")])
        var named = ImportRecord.LeadPart(org: "Mercy")
        named.region = "US-2"
        let parts = PersonName(first: "Nia", last: "Brown")
        let row = ImportRecord(line: 2, lead: named, contact: .init(name: "Nia Brown", nameParts: parts, email: "nia@mercy.example"))
        let (tally, _) = try run(store, [.record(row)])
        #expect(tally.conflicts == 0 && tally.contactsUpdated == 1)
        let lead = try #require(try store.leads().first)
        #expect(try store.contacts(lead: lead.id).map(\.nameParts) == [parts])
    }
}
