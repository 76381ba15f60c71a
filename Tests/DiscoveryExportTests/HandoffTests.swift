import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

/// Golden handoff notes. `RECORD_GOLDEN=1` rewrites the files and fails the run on purpose.
@Suite struct HandoffTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, _ name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(text.utf8).write(to: url)
            Issue.record("re-recorded \(name); run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the golden file")
    }

    @Test(arguments: [("ready", HandoffFixtures.ready), ("stopped", HandoffFixtures.stopped), ("bare", HandoffFixtures.bare)])
    func markdownMatchesTheGoldenNote(name: String, record: QualificationRecord) throws {
        try Self.check(HandoffMarkdown.render(HandoffFixtures.note(record)), "handoff-\(name).md")
    }

    @Test(arguments: [("ready", HandoffFixtures.ready), ("stopped", HandoffFixtures.stopped)])
    func jsonMatchesTheGoldenNote(name: String, record: QualificationRecord) throws {
        try Self.check(HandoffJSON.render(HandoffFixtures.note(record)), "handoff-\(name).json")
    }

    /// Every item SPEC §8 asks of a handoff note is there, for a lead with data and one without.
    @Test(arguments: [HandoffFixtures.ready, HandoffFixtures.bare])
    func theNoteCarriesEveryItemOfTheSpec(record: QualificationRecord) {
        let md = HandoffMarkdown.render(HandoffFixtures.note(record))
        for item in ["- Organisation:", "- Type:", "- Region:", "- Profile:", "- Stage:", "- Owner:", "- Source:", "- Signals:",
                     "- Calls:", "## Procedure area and category alignment", "## Stakeholders", "- Missing roles:",
                     "## Need and problem statement", "## Evidence and technical requirements", "## Timeline and evaluation stage",
                     "## Scores and gates", "- Fit:", "- Intent:", "- Readiness:", "- Gates:", "## Risks and blockers",
                     "## Next step", "## Consent"] {
            #expect(md.contains(item), "missing \(item)")
        }
    }

    @Test func theReadyNoteNamesTheAgreedStepItsOwnerAndDueDate() {
        let md = HandoffMarkdown.render(HandoffFixtures.note(HandoffFixtures.ready))
        #expect(md.contains("- Agreed: technical-review: Technical walkthrough with Dr. Ruiz and biomed; owner ana; due 2026-03-05"))
        #expect(md.contains("- Verdict: sql-ready"))
        #expect(md.contains("- What problem are they trying to solve? OR turnover is too slow; / surgeons want"))
        #expect(md.contains("- Missing roles: clinical-leader, technical, procurement"))
    }

    @Test func theJSONHasAStableSchema() throws {
        let text = HandoffJSON.render(HandoffFixtures.note(HandoffFixtures.bare))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(Set(object.keys) == ["schema_version", "prepared_at", "prepared_by", "lead", "activity", "alignment", "stakeholders",
                                     "need", "evidence", "timeline", "other_answers", "verdict", "mql", "mql_reason", "scores",
                                     "bands", "gates", "missing_gates", "hard_stops", "flags", "risks", "next_step",
                                     "recommendations", "consent", "model_version"])
        #expect(object["model_version"] as? String == "team v3")
        #expect(object["next_step"] is NSNull)
        #expect(object["prepared_at"] as? String == "2026-03-02T09:00:00Z")
    }
}
