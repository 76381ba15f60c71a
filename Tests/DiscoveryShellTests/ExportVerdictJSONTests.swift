import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `export --format json` carries per lead the verdict keys of `status --json`, so a BI tool
/// reads the whole book's verdicts from one file.
@Suite struct ExportVerdictJSONTests {
    static let verdictKeys: Set<String> = ["verdict", "mql", "scores", "bands", "gates", "missing_gates", "hard_stops", "flags"]

    func export(_ t: TestShell, _ line: String = "export --format json") throws -> [[String: Any]] {
        let r = t.output(line)
        #expect(r.code == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
    }

    @Test func eachLeadCarriesTheStatusJSONVerdictKeysWithTheSameValues() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("lead new Acme --consent yes")
        try t.answer(2, "fit.specialty", .choice("dental"))
        let leads = try export(t)
        #expect(leads.count == 2)
        for (i, lead) in leads.enumerated() {
            #expect(Self.verdictKeys.isSubset(of: Set(lead.keys)))
            t.run("use L\(i + 1)")
            let status = try #require(try JSONSerialization.jsonObject(with: Data(t.output("status --json").out.utf8)) as? [String: Any])
            for key in Self.verdictKeys {
                #expect((lead[key] as? NSObject) == (status[key] as? NSObject), "L\(i + 1) \(key)")
            }
        }
        #expect(leads[0]["verdict"] as? String == "not-yet")
        #expect(leads[0]["scores"] as? [String: Int] == ["fit": 30, "intent": 0, "readiness": 20])
        #expect(leads[0]["missing_gates"] as? [String] == ["next-step"])
        #expect(leads[1]["verdict"] as? String == "disqualify")
        #expect(leads[1]["hard_stops"] as? [String] == ["wrong-specialty"])
    }

    @Test func theStageFilterStillApplies() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        t.run("lead new Mercy")
        t.run("stage L2 nurture")
        let leads = try export(t, "export --format json --status nurture")
        #expect(leads.map { $0["id"] as? String } == ["L2"])
    }

    @Test func aLeadWhoseProfileIsMissingHasNullVerdictKeys() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        try t.store.updateLead(id: 1, field: .profile, value: "retired", actor: "rep", at: TestShell.now)
        let lead = try #require(try export(t).first)
        for key in Self.verdictKeys { #expect(lead[key] is NSNull, "\(key)") }
    }
}
