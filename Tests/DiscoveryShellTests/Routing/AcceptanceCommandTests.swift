import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `accept` and `reject`: only an MQL, a reason from the rejection list, counted apart in `report reasons`.
@Suite struct AcceptanceCommandTests {
    func shellWithMQL() throws -> TestShell {
        let t = try TestShell(catalog: VerdictCatalog.catalog, user: "sam")
        t.run("lead new Acme")
        t.run("stage mql")
        return t
    }

    @Test func acceptMovesToSAL() throws {
        let t = try shellWithMQL()
        let r = t.output("accept L1 --note 'real project'")
        #expect(r.code == 0 && r.out == "L1 stage: mql → sal (accepted by sam)\n")
        #expect(try t.store.lead(id: 1)?.stage == .sal)
    }

    @Test func rejectSendsBackToNurtureWithTheReason() throws {
        let t = try shellWithMQL()
        let r = t.output("reject --reason wrong-role --note 'a resident'")
        #expect(r.code == 0 && r.out == "L1 stage: mql → nurture (rejected: wrong-role)\n")
        #expect(try t.store.lead(id: 1)?.stage == .nurture)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let line: String
        let error: String
        var testDescription: String { line }
    }

    static let bad: [Bad] = [
        Bad(line: "reject L1", error: "error: rejecting L1 needs --reason CODE (\(Acceptance.codes))\n"),
        Bad(line: "reject L1 --reason wrong-rol", error: "error: unknown rejection reason 'wrong-rol'. Did you mean 'wrong-role'? Reasons: \(Acceptance.codes)\n"),
        Bad(line: "reject L1 --reason other", error: "error: reason 'other' needs --note TEXT saying why\n"),
        Bad(line: "accept L2", error: "error: L2 is not an MQL (stage new): only a lead in mql can be accepted\n"),
        Bad(line: "reject L2 --reason no-budget", error: "error: L2 is not an MQL (stage new): only a lead in mql can be rejected\n"),
    ]

    @Test(arguments: bad) func badInputIsRefusedAndChangesNothing(_ row: Bad) throws {
        let t = try shellWithMQL()
        t.run("lead new Other")
        let before = try t.store.audit().count
        let r = t.output(row.line)
        #expect(r.code == 1)
        #expect(r.err == row.error)
        #expect(try t.store.audit().count == before)
    }

    @Test func theRejectionListIsTheDisqualificationCodesAndWrongRole() {
        #expect(Acceptance.codes == ReasonCode.allCases.map(\.rawValue).joined(separator: ", ") + ", wrong-role")
    }

    @Test func rejectionsAreCountedApartFromDisqualifications() throws {
        let t = try shellWithMQL()
        t.run("reject L1 --reason wrong-role")
        t.run("lead new B")
        t.run("stage disqualified --reason no-budget")
        let r = t.output("report reasons --json")
        #expect(r.out.contains("\"rejected\" : 1"))
        #expect(r.out.contains("\"total\" : 1"))
        let report = ReasonsReport.compute([try #require(try t.store.lead(id: 2))], rejections: try t.store.rejections(since: nil))
        #expect(report.reasons.map(\.reason) == ["no-budget"])
        #expect(report.rejections.map(\.reason) == ["wrong-role"])
        let text = t.output("report reasons").out
        #expect(text.contains("Disqualification reasons: 1 lead"))
        #expect(text.contains("Sales rejections of MQLs: 1 rejection (sent back to nurture, not disqualified)"))
    }

    @Test func tabCompletesTheRejectionReasons() throws {
        let t = try shellWithMQL()
        let completer = Completer(session: t.session)
        #expect(completer.candidates("reject L1 --reason wr") == ["wrong-specialty", "wrong-geography", "wrong-org-type", "wrong-role"])
        #expect(completer.candidates("acc") == ["accept"])
        #expect(completer.candidates("rej") == ["reject"])
        #expect(completer.candidates("accept L") == ["L1"] || completer.candidates("accept L").contains("L1"))
    }
}
