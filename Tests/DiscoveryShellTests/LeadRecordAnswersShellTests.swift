import DiscoveryCore
import Foundation
import LineEditor
import QuestionSets
import Testing
@testable import DiscoveryShell

/// The bundled fit questions take type, specialty, region and beds from the lead record.
@Suite struct LeadRecordAnswersShellTests {
    static let bundled: Catalog = {
        guard let c = try? CatalogLoader.load(directory: LintCommandTests.bundled) else { fatalError("the bundled question sets do not load") }
        return c
    }()

    @Test func theRecordFeedsTheFitQuestionsAndWhySaysSo() throws {
        let t = try TestShell(catalog: Self.bundled)
        t.run("lead new 'Heartland IDN' --type idn --specialty cardiovascular --region US-MN --beds 1800")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(t.output("status --json").out.utf8)) as? [String: Any])
        #expect((status["scores"] as? [String: Int])?["fit"] == 50)
        #expect((status["gates"] as? [String: Bool])?["eligibility"] == true)
        let why = t.output("why").out
        #expect(why.contains("+15  fit.specialty \"Which clinical specialty or department would use it?\" = cardiovascular (Cardiology, cardiac surgery or the cath lab), from the lead record (specialty cardiovascular)"), "\(why)")
        #expect(why.contains("from the lead record (region US-MN)"))
        #expect(why.contains("from the lead record (beds 1800)"))
    }

    @Test func theInterviewConfirmsThemInOneLineInsteadOfAsking() throws {
        let t = try TestShell(catalog: Self.bundled)
        t.run("lead new 'Heartland IDN' --type idn --specialty cardiovascular --region US-MN --beds 1800 --consent yes")
        let reader = ScriptedLineReader([.line("/stop")], interactive: true)
        t.session.reader = reader
        let r = t.output("ask fit")
        #expect(r.out.contains("  from the lead record: fit.specialty = cardiovascular — Cardiology, cardiac surgery or the cath lab (specialty cardiovascular); 'answer fit.specialty VALUE' revises it\n"), "\(r.out)")
        #expect(r.out.components(separatedBy: "  from the lead record: ").count == 5)
        #expect(!r.out.contains("Which clinical specialty or department would use it?\n"))
        #expect(!r.out.contains("What kind of organisation is this?\n"))
    }

    @Test func anAnswerRevisesWhatTheRecordSaid() throws {
        let t = try TestShell(catalog: Self.bundled)
        t.run("lead new 'Heartland IDN' --specialty cardiovascular")
        #expect(t.run("answer fit.specialty orthopedics") == 0)
        let why = t.output("why").out
        #expect(why.contains("fit.specialty \"Which clinical specialty or department would use it?\" = orthopedics (Orthopedics and spine)\n"), "\(why)")
        #expect(!why.contains("from the lead record (specialty"))
    }

    @Test func importedColumnsFeedTheQuestionsToo() throws {
        let t = try TestShell(catalog: Self.bundled)
        let file = t.folder + "/leads.csv"
        try "organisation,type,specialty,region,beds,email\nMercy,hospital,Orthopedics,US-OH,320,ana@mercy.example\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(t.run("import \(file)") == 0)
        let status = try #require(try JSONSerialization.jsonObject(with: Data(t.output("status L1 --json").out.utf8)) as? [String: Any])
        #expect((status["scores"] as? [String: Int])?["fit"] == 45)
    }
}
