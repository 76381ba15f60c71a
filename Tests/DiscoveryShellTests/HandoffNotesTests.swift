import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

/// The rep's notes and the `--override` reason reach the handoff; a note can be corrected or removed.
@Suite struct HandoffNotesTests {
    func json(_ t: TestShell) throws -> [String: Any] {
        let r = t.output("handoff --format json")
        #expect(r.code == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    func note(in section: String, _ question: String, of object: [String: Any]) -> Any? {
        let answers = object[section] as? [[String: Any]] ?? []
        return answers.first { $0["question"] as? String == question }?["note"] as Any?
    }

    @Test func interviewAndAnswerNotesAreInTheMarkdownAndTheJSON() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("answer need.problem 'OR turnover' --note 'Cath lab turnover too, per Dr. Ruiz'")
        t.run("answer timeline.evaluation-window --note 'Pilot this quarter'")
        let md = t.output("handoff").out
        #expect(md.contains("- need problem? OR turnover\n  - note: Cath lab turnover too, per Dr. Ruiz\n"), "\(md)")
        #expect(md.contains("- timeline evaluation-window? This quarter\n  - note: Pilot this quarter\n"), "\(md)")
        let object = try json(t)
        #expect(note(in: "need", "need.problem", of: object) as? String == "Cath lab turnover too, per Dr. Ruiz")
        #expect(note(in: "timeline", "timeline.evaluation-window", of: object) as? String == "Pilot this quarter")
        #expect(note(in: "alignment", "fit.specialty", of: object) is NSNull)
    }

    @Test func aNoteOnAnUnansweredQuestionIsShownToo() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        t.feed([.line("/note Ask the CNO, she decides"), .endOfInput])
        t.run("ask need")
        let md = t.output("handoff").out
        #expect(md.contains("- need problem? (not answered)\n  - note: Ask the CNO, she decides\n"), "\(md)")
    }

    @Test func theOverrideReasonIsInTheMarkdown() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("stage sql --override 'CFO committed verbally'")
        let md = t.output("handoff").out
        #expect(md.contains("- Stage: sql since 2026-03-02; note: override (gates missing: next-step): CFO committed verbally\n"), "\(md)")
    }

    @Test func aNoteCanBeCorrectedAndRemoved() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("answer need.problem --note 'Cath lab turnvoer'")
        #expect(t.output("answer need.problem --note 'Cath lab turnover'").out == "L1 need.problem: note saved\n")
        #expect(t.output("handoff").out.contains("  - note: Cath lab turnover\n"))
        let removed = t.output("answer need.problem --note ''")
        #expect(removed.code == 0, "\(removed.err)")
        #expect(removed.out == "L1 need.problem: note removed\n")
        #expect(!t.output("handoff").out.contains("note: Cath lab"))
        #expect(try t.store.answersInForce(lead: 1)["need.problem"] == .text("OR turnover"))
        let audit = try t.store.audit().count
        let again = t.output("answer need.problem --note ''")
        #expect(again.code == 1)
        #expect(again.err == "error: L1 need.problem has no note; nothing to remove\n")
        #expect(t.output("answer need.problem 'x' --note ''").code == 2)
        #expect(try t.store.audit().count == audit)
        // Undo brings the removed note back.
        #expect(t.run("undo") == 0)
        #expect(t.output("handoff").out.contains("  - note: Cath lab turnover\n"))
    }
}

/// The committee: titles from a contacts answer, and one definition of the missing roles.
@Suite struct CommitteeRecordingTests {
    @Test func aContactsAnswerRecordsEachTitleInTheStakeholderMap() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Heartland --consent yes")
        let r = t.output("answer committee.approvers 'Dr. Ana Ruiz (champion, Chief of Cardiology), Tom Lee (economic-buyer, CFO)'")
        #expect(r.code == 0, "\(r.err)")
        let contacts = try t.store.contacts(lead: 1)
        #expect(contacts.map(\.name) == ["Dr. Ana Ruiz", "Tom Lee"])
        #expect(contacts.map(\.title) == ["Chief of Cardiology", "CFO"])
        #expect(contacts.map(\.role) == [.champion, .economicBuyer])
        // Named again with a new title: the title is replaced, audited, and undo restores it.
        t.run("answer committee.approvers 'Tom Lee (, CFO and COO)'")
        #expect(try t.store.contacts(lead: 1).last?.title == "CFO and COO")
        #expect(try t.store.audit(lead: 1).contains { $0.field == "title" && $0.newValue == "CFO and COO" })
        t.run("undo")
        #expect(try t.store.contacts(lead: 1).last?.title == "CFO")
    }

    @Test func contactListLeadShowAndTheHandoffNameTheSameMissingRoles() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("contact add 'Dr. Ana Ruiz' --role champion")
        t.run("contact add 'Pat Buyer' --role procurement")
        let expected = "Missing roles: economic-buyer, clinical-leader, technical\n"
        #expect(t.output("contact list").out.hasSuffix(expected))
        #expect(t.output("lead show").out.hasSuffix(expected))
        #expect(t.output("handoff").out.contains("- " + expected))
        #expect(CommitteeRoles.expected(for: VerdictCatalog.catalog.profiles[0]).count == 5)
    }

    @Test func aProfileWithASecurityReviewGateExpectsASecurityContact() {
        var profile = VerdictCatalog.catalog.profiles[0]
        #expect(!CommitteeRoles.expected(for: profile).contains(.security))
        profile.sql.gates.append("security-review")
        #expect(CommitteeRoles.expected(for: profile).last == .security)
    }
}
