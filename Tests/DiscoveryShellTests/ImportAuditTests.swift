import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// An import writes its audit entries in blocks and its field changes in one statement per
/// record: the log must read as if every fact had been recorded on its own, and undo must
/// restore every field.
@Suite struct ImportAuditTests {
    @Test func eachChangedFieldHasItsOwnEntryInOrderAndUndoRestoresThem() throws {
        let t = try TestShell()
        #expect(t.run("lead new 'Mercy Regional' --type hospital --specialty orthopedics --region US-OH --source web") == 0)
        #expect(t.run("contact add 'Ana Ruiz' --title Surgeon --email ana@mercy.example --phone '+1 555 010 0100'") == 0)
        let before = try t.store.audit()
        let file = t.folder + "/update.csv"
        try ExportImportCommandTests.write("""
            company,firstname,lastname,email,phone,jobtitle,discovery_region,discovery_specialty,discovery_org_type,leadsource
            Mercy Regional,Ana,Ruiz,ana@mercy.example,+1 555 010 0199,Chief of Surgery,US-PA,cardiology,idn,event

            """, to: file)
        let out = t.output("import \(file)")
        #expect(out.out.contains("1 lead updated, 1 contact updated"), "\(out.out)")
        let added = try t.store.audit().dropFirst(before.count)
        #expect(Set(added.map(\.changeId)).count == 1)
        #expect(added.map(\.id) == Array((before.last?.id ?? 0) + 1 ... (before.last?.id ?? 0) + Int64(added.count)))
        #expect(added.map { "\($0.entity).\($0.field ?? ""): \($0.oldValue ?? "-") -> \($0.newValue ?? "-")" } == [
            "lead.type: hospital -> idn", "lead.specialty: orthopedics -> cardiology", "lead.region: US-OH -> US-PA",
            "contact.title: Surgeon -> Chief of Surgery", "contact.phone: +1 555 010 0100 -> +1 555 010 0199",
            "contact.source: - -> event",
        ])
        // The lead keeps where it first came from; the person has their own source (issue 11).
        let lead = try #require(try t.store.leads().first)
        #expect([lead.type, lead.specialty, lead.region, lead.source] == ["idn", "cardiology", "US-PA", "web"])
        #expect(try t.store.contacts(lead: lead.id).first?.source == "event")
        #expect(t.run("undo") == 0)
        let restored = try #require(try t.store.leads().first)
        #expect([restored.type, restored.specialty, restored.region, restored.source] == ["hospital", "orthopedics", "US-OH", "web"])
        let contact = try #require(try t.store.contacts(lead: restored.id).first)
        #expect(contact.title == "Surgeon" && contact.phone == "+1 555 010 0100" && contact.source == nil)
    }

    /// More entries than one block, and a batch that ends between blocks: every entry is written.
    @Test func everyEntryOfEveryBatchIsWritten() throws {
        let t = try TestShell()
        let file = t.folder + "/many.csv"
        // A batch and 234 rows: organisations of two people each; the second row of each changes the region.
        let batch = ImportOptions.defaultBatchSize
        let rows = (0..<(batch + 234)).map { i in "Org \(i / 2),Person \(i),p\(i)@org.example,R\(i)" }
        try ExportImportCommandTests.write("company,contact_name,email,discovery_region\n" + rows.joined(separator: "\n") + "\n", to: file)
        #expect(t.run("import \(file)") == 0)
        let audit = try t.store.audit()
        #expect(audit.filter { $0.action == .create && $0.entity == "lead" }.count == rows.count / 2)
        #expect(audit.filter { $0.action == .create && $0.entity == "contact" }.count == rows.count)
        #expect(audit.filter { $0.action == .update && $0.field == "region" }.count == rows.count / 2)
        #expect(audit.map(\.id) == Array(1...Int64(audit.count)))
        #expect(Set(audit.map(\.changeId)).count == 2)
        // The second batch is one change: undo removes exactly its records.
        #expect(t.run("undo") == 0)
        #expect(try t.store.leads().count == batch / 2)
        #expect(try t.store.leads().allSatisfy { $0.region.map { $0.hasPrefix("R") } == true })
    }

    /// Contacts of a lead created earlier in the same batch are found by email, then by name,
    /// ignoring the case of ASCII letters only (SQLite's NOCASE), and updated; the stored casing
    /// of a name stays, and a row whose email is another person's is a conflict (issue 11).
    @Test func contactsOfALeadCreatedInTheBatchAreMatchedLikeTheDatabaseDoes() throws {
        let t = try TestShell()
        let file = t.folder + "/same.csv"
        try ExportImportCommandTests.write("""
            company,contact_name,email,jobtitle
            New Clinic,Ana Ruiz,,Nurse
            New Clinic,ANA RUIZ,,Head Nurse
            New Clinic,Émile Roy,,Buyer
            New Clinic,éMILE ROY,,CFO
            New Clinic,Someone Else,ana@new.example,Doctor
            New Clinic,Other Name,ANA@NEW.EXAMPLE,Chief Doctor

            """, to: file)
        let out = t.output("import \(file)")
        #expect(out.out.contains("1 lead created, 4 contacts created, 0 leads updated, 1 contact updated, 0 unchanged, 0 skipped, 1 conflict left for you"), "\(out.out)")
        #expect(out.err.contains("same.csv:7: conflict: the email 'ANA@NEW.EXAMPLE' is that of 'Someone Else'"))
        let lead = try #require(try t.store.leads().first)
        let contacts = try t.store.contacts(lead: lead.id).map { "\($0.name): \($0.title ?? "-")" }
        #expect(contacts == ["Ana Ruiz: Head Nurse", "Émile Roy: Buyer", "éMILE ROY: CFO", "Someone Else: Doctor"])
    }
}
