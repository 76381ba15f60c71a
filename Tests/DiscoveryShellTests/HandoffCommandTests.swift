import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct HandoffCommandTests {
    @Test func theMarkdownNoteReflectsTheLeadItsVerdictAndTheAgreedStep() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        #expect(t.run("contact add 'Dr. Ana Ruiz' --role champion --email ana@mercy.example --consent yes") == 0)
        #expect(t.run("next set technical-review --note 'Walkthrough with Dr. Ruiz' --owner ana --due 2026-03-05") == 0)
        let r = t.output("handoff")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("# Handoff: L1 Mercy Regional\n"))
        #expect(r.out.contains("- Verdict: sql-ready\n"))
        #expect(r.out.contains("- Agreed: technical-review: Walkthrough with Dr. Ruiz; owner ana; due 2026-03-05\n"))
        #expect(r.out.contains("- need problem? OR turnover\n"))
        #expect(r.out.contains("  - [x] next-step: next step technical-review, owner ana, due 2026-03-05\n"))
        #expect(r.out.contains("- Dr. Ana Ruiz: yes\n"))
    }

    @Test func theJSONNoteGoesToAFileWrittenSafely() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        let file = t.folder + "/note.json"
        let r = t.output("handoff L1 --format json --out \(file)")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "Wrote the handoff note for L1 to \(file)\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["verdict"] as? String == "not-yet")
        #expect(object["missing_gates"] as? [String] == ["next-step"])
        let again = t.output("handoff L1 --format json --out \(file)")
        #expect(again.code == 1)
        #expect(again.err.contains("already exists; add --force"))
        #expect(t.run("handoff L1 --format json --out \(file) --force") == 0)
    }

    @Test func badArgumentsAreRefused() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        #expect(t.output("handoff").err == "error: no current lead: name one (e.g. L7) or pick one with 'use L7'\n")
        t.run("lead new Acme")
        let format = t.output("handoff --format pdf")
        #expect(format.code == 2)
        #expect(format.err.contains("unknown format 'pdf'"))
        #expect(t.output("handoff L9").code == 1)
        #expect(t.output("handoff --out /dev/full").code == 4)
    }
}
