import DiscoveryCore
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

/// Error messages that say what is wrong in the rep's terms and what to type instead.
@Suite struct MessageTests {
    @Test(arguments: [
        ("2026-02-30", "timeline.target-date: 2026-02-30 does not exist: February 2026 has 28 days"),
        ("2028-02-30", "timeline.target-date: 2028-02-30 does not exist: February 2028 has 29 days"),
        ("2026-04-31", "timeline.target-date: 2026-04-31 does not exist: April 2026 has 30 days"),
        ("2026-13-01", "timeline.target-date: 2026-13-01 does not exist: there is no month 13"),
        ("2026-05-00", "timeline.target-date: 2026-05-00 does not exist: there is no day 0"),
        ("next week", "timeline.target-date takes a date as YYYY-MM-DD (e.g. 2026-04-15), not 'next week'"),
    ])
    func aDayThatDoesNotExistIsSaidSo(value: String, message: String) throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Acme")
        t.run("answer L1 timeline.evaluation-window this-quarter")
        let r = t.output("answer L1 timeline.target-date '\(value)'")
        #expect(r.code == 1)
        #expect(r.err == "error: \(message)\n")
    }

    @Test func nextSetAndReportSayTheDayDoesNotExist() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Acme")
        #expect(t.output("next set L1 demo --due 2026-02-30").err == "error: invalid --due: 2026-02-30 does not exist: February 2026 has 28 days\n")
        #expect(t.output("report sla --since 2026-02-29").err == "error: invalid --since: 2026-02-29 does not exist: February 2026 has 28 days\n")
    }

    @Test func askTakesTheLeadAsItsFirstWord() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Acme")
        t.run("lead new Mercy")
        t.feed([.endOfInput])
        let r = t.output("ask L1 committee")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("L1 Acme"), "\(r.out)")
        t.feed([.endOfInput])
        #expect(t.output("ask Mercy timeline").out.contains("L2 Mercy"))
    }

    @Test func askNamesAnUnknownSetEvenWithoutACurrentLead() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Acme")
        #expect(t.output("ask L1 timline").err
                == "error: unknown question set 'timline'. Did you mean 'timeline'? Sets: timeline, committee\n")
        #expect(t.output("ask timline").err
                == "error: unknown question set 'timline'. Did you mean 'timeline'? Sets: timeline, committee\n")
        #expect(t.output("ask L9 timeline").err == "error: no lead L9. 'lead list' shows the leads there are\n")
    }

    @Test func anUnknownQuestionOfAKnownSetListsThatSetsQuestions() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new Acme")
        #expect(t.output("answer L1 timeline.nonexist x").err == """
            error: unknown question 'timeline.nonexist': set 'timeline' has no such question. Its questions: \
            timeline.evaluation-window, timeline.target-date, timeline.budget-approved, timeline.budget-amount

            """)
        #expect(t.output("answer L1 timeline.budget-aproved yes").err.contains("Did you mean 'timeline.budget-approved'?"))
    }

    @Test func importingABinaryFileSaysItIsNotText() throws {
        let t = try TestShell()
        let path = t.folder + "/program"
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x2C, 0x0A]).write(to: URL(fileURLWithPath: path))
        let r = t.output("import \(path)")
        #expect(r.code == 1)
        #expect(r.err == "error: \(path): not a text (CSV) file: it holds binary data (NUL bytes); export the leads as CSV and import that\n")
        let utf16 = t.folder + "/utf16.csv"
        try Data([0xFF, 0xFE] + Array("org\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })).write(to: URL(fileURLWithPath: utf16))
        #expect(t.output("import \(utf16)").err.contains("not a text (CSV) file: it is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8\""))
    }

    @Test func lintOfAFileNamesItsFolder() throws {
        let t = try TestShell()
        let file = LintCommandTests.bundled + "/fit.yaml"
        let r = t.output("lint \(file)")
        #expect(r.code == 3)
        // The folder to pass instead is the file's own.
        #expect(r.err.contains("fit.yaml: is a file, not a folder: pass the question-set folder (the one holding the set files, profiles/ and signals.yaml), e.g. '"), "\(r.err)")
        #expect(r.err.contains("question-sets', which lints every file in it"), "\(r.err)")
    }
}
