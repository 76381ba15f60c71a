import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Files shaped as HubSpot, Salesforce, Marketo, Account Engagement (Pardot) and Excel write
/// them (`Fixtures/CRM`, sources in `Fixtures/CRM/SOURCES.md`) are read by their labels, with
/// their opt-outs and boolean forms (issue 11 items 7, 8, 10).
@Suite struct VendorImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/CRM")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    func contacts(_ t: TestShell) throws -> [String: Contact] {
        var all: [String: Contact] = [:]
        for lead in try t.store.leads() {
            for c in try t.store.contacts(lead: lead.id) { all[c.name] = c }
        }
        return all
    }

    @Test func aHubSpotExportIsReadByItsLabels() throws {
        let t = try TestShell()
        let r = t.output("import \(Self.path("hubspot-contacts-export.csv"))")
        #expect(r.code == 0, "\(r.err)")
        let leads = try t.store.leads()
        #expect(leads.map(\.org) == ["Mercy Regional, North", "Lakeview Clinic"])
        #expect(leads.map(\.stage) == [.mql, .new])
        #expect(leads.first?.owner == "Ana Rep")
        #expect(leads.first?.createdAt == Dates.parseDay("2026-03-02"))
        // "Customer" has no stage of ours: reported with its line and column, the row imported.
        #expect(r.err.contains("hubspot-contacts-export.csv:4: lifecycle stage 'Customer' (column 'Lifecycle Stage') has no discovery stage"))
        let people = try contacts(t)
        let jose = try #require(people["José García, Jr."])
        #expect(jose.nameParts == PersonName(first: "José", last: "García", suffix: "Jr."))
        #expect(jose.hubSpotId == "5101" && jose.email == "jose.garcia@mercy.example")
        #expect(people["Zoë Müller"]?.emailOptOut == true && people["Zoë Müller"]?.consent == .unknown)
        #expect(people["José García, Jr."]?.emailOptOut == false)
        #expect(people.count == 3)
    }

    @Test func aSalesforceReportIsReadAndItsFooterIsNotRows() throws {
        let t = try TestShell()
        let r = t.output("import \(Self.path("salesforce-lead-report.csv"))")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("salesforce-lead-report.csv:5: a report footer ('Grand Totals (2 records)') begins here"))
        let leads = try t.store.leads()
        #expect(leads.map(\.org) == ["St. Luke's, East"])
        #expect(leads.first?.owner == "Ana Rep" && leads.first?.source == "Web")
        let people = try contacts(t)
        let nia = try #require(people["Dr. Nia Brown"])
        #expect(nia.phone == "+44 20 7946 0000" && nia.salesforceId == "00Q5e00000ABCDEAA1")
        #expect(nia.emailOptOut && !nia.doNotCall && nia.source == "Web")
        let lukasz = try #require(people["Łukasz Nowak"])
        #expect(lukasz.doNotCall && !lukasz.emailOptOut && lukasz.source == "Trade Show")
    }

    @Test(arguments: [
        ("marketo-leads-export.csv", "Hospital do Porto, EPE", ["Ines Sá", "Kai Ode"]),
        ("pardot-prospects-export.csv", "Karolinska", ["Eva Lind", "Per Åberg"]),
    ])
    func marketingAutomationExportsKeepTheirOptOuts(file: String, org: String, names: [String]) throws {
        let t = try TestShell()
        let r = t.output("import \(Self.path(file))")
        #expect(r.code == 0, "\(r.err)")
        #expect(try t.store.leads().map(\.org) == [org])
        let people = try contacts(t)
        // The first person opted out of email, the second asked not to be called.
        #expect(people[names[0]]?.emailOptOut == true && people[names[0]]?.doNotCall == false)
        #expect(people[names[1]]?.doNotCall == true && people[names[1]]?.emailOptOut == false)
    }

    @Test func aSemicolonFileIsReadAndUTF16IsNamed() throws {
        let t = try TestShell()
        let r = t.output("import \(Self.path("excel-semicolon.csv"))")
        #expect(r.code == 0, "\(r.err)")
        let lead = try #require(try t.store.leads().first)
        #expect(lead.org == "Klinikum Süd; Haus B" && lead.beds == 320)
        #expect(try t.store.contacts(lead: lead.id).map(\.name) == ["Jürgen Groß"])
        let utf16 = t.output("import \(Self.path("excel-utf16.csv"))")
        #expect(utf16.code == 1)
        #expect(utf16.err.contains("it is UTF-16 text") && utf16.err.contains("save it as \"CSV UTF-8\""))
    }
}

/// Re-importing a vendor file changes nothing, and a conflict is reported with its line.
@Suite struct VendorReimportTests {
    @Test(arguments: ["hubspot-contacts-export.csv", "salesforce-lead-report.csv", "marketo-leads-export.csv",
                      "pardot-prospects-export.csv"])
    func reimportingTheSameFileReportsNothingChanged(file: String) throws {
        let t = try TestShell()
        #expect(t.run("import \(VendorImportTests.path(file))") == 0)
        let again = t.output("import \(VendorImportTests.path(file))")
        #expect(again.code == 0)
        #expect(again.out.contains("0 leads created, 0 contacts created, 0 leads updated, 0 contacts updated"), "\(again.out)")
    }

    @Test func aRowNamingAnotherPersonIsAConflictWithItsLine() throws {
        let t = try TestShell()
        #expect(t.run("import \(VendorImportTests.path("hubspot-contacts-export.csv"))") == 0)
        let file = t.folder + "/shared-email.csv"
        try ExportImportCommandTests.write("Company,First Name,Last Name,Email\r\nMercy Regional, North,Omar,Haddad,zoe.mueller@mercy.example\r\n"
            .replacingOccurrences(of: "Mercy Regional, North", with: "\"Mercy Regional, North\""), to: file)
        let dry = t.output("import \(file) --dry-run")
        #expect(dry.code == 1)
        #expect(dry.out.contains("1 conflict left for you"))
        #expect(dry.err.contains("shared-email.csv:2: conflict: the email 'zoe.mueller@mercy.example' is that of 'Zoë Müller'"))
        let real = t.output("import \(file)")
        #expect(real.code == 1)
        let lead = try #require(try t.store.leads().first)
        #expect(try t.store.contacts(lead: lead.id).map(\.name).contains("Zoë Müller"))
        #expect(!(try t.store.contacts(lead: lead.id).map(\.name).contains("Omar Haddad")))
    }
}
