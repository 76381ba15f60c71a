import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// `report review` on the fixture book (seven MQLs in February 2026, one accepted and worked
/// to sql, one rejected) with two reps of capacity 2 a month.
@Suite struct ReviewCommandTests {
    static let catalog = Catalog(sets: [], profiles: CallShell.catalog.profiles, signals: CallShell.catalog.signals,
                                 routing: RoutingConfig(rules: [RoutingRule(name: "all", target: .pool(["sam", "ana"]))],
                                                        capacityPerOwnerPerMonth: 2))

    static func book() throws -> CallShell {
        let t = try PipelineFixture.build(catalog: catalog)
        // L2 goes back to marketing: wrong org type.
        t.at("2026-02-28T10:00:00Z", "reject L2 --reason wrong-org-type")
        t.clock.set("2026-03-02T09:00:00Z")
        return t
    }

    @Test func theTextGivesEveryFigureAndTheFindings() throws {
        let t = try Self.book()
        let r = t.output("report review")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("MQL review in the book: 7 MQLs\n"), "\(r.out)")
        #expect(r.out.contains("MQLs per month against capacity 4 (2 owners × 2)"))
        #expect(r.out.contains("  2026-02  ") && r.out.contains("6 / 4 over"), "\(r.out)")
        #expect(r.out.contains("Sales acceptance: 50% (1 accepted, 1 rejected; 5 not decided yet)"))
        #expect(r.out.contains("wrong-org-type"))
        #expect(r.out.contains("mql → sal"))
        #expect(r.out.contains("Median time from MQL to the first attempt: "))
        let prose = r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.contains("- wrong-org-type is 100% of the rejections (1 of 1), above 30 %: adjust fit scoring (wrong-org-type)"))
        #expect(prose.contains("- 1 of 2 months above the capacity of 4 MQLs (2 owners × 2): 2026-02 (6); raise the MQL threshold or add reps"))
        #expect(prose.contains("(rule of thumb: MQL volume should match what the reps can follow up"))
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(r.out)")
    }

    @Test func theJSONHoldsTheSameFigures() throws {
        let t = try Self.book()
        let r = t.output("report review --json --by owner")
        #expect(r.code == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "review")
        let review = try #require(object["review"] as? [String: Any])
        let overall = try #require(review["overall"] as? [String: Any])
        #expect(overall["mqls"] as? Int == 7)
        #expect(overall["acceptance_rate"] as? Double == 0.5)
        let cohorts = try #require(review["cohorts"] as? [[String: Any]])
        #expect(cohorts.map { $0["name"] as? String } == ["ana", "sam"])
        #expect(try t.output("report review --format json --by owner").out == r.out)
    }

    @Test func thePeriodLimitsTheMQLs() throws {
        let t = try Self.book()
        let r = t.output("report review --from 2026-03-01 --to 2026-03-31")
        #expect(r.out.hasPrefix("MQL review between 2026-03-01 and 2026-03-31: 1 MQL\n"), "\(r.out)")
        #expect(t.output("report review --from 2026-04-01").out == "No MQLs since 2026-04-01.\n")
        let empty = t.output("report review --from 2025-01-01 --to 2025-12-31 --out \(t.folder)/r.txt")
        #expect(empty.code == 0)
        #expect(empty.out == "No MQLs between 2025-01-01 and 2025-12-31.\n")
        #expect(!FileManager.default.fileExists(atPath: t.folder + "/r.txt"))
    }

    @Test(arguments: [
        ("report review --from 2026-03-01 --to 2026-02-01", 2, "--from 2026-03-01 is after --to 2026-02-01: give the earlier day first"),
        ("report review --by sorce", 2, "unknown cohort 'sorce'. Did you mean 'source'? Cohorts: source, signal, specialty, profile, owner, fit-band"),
        ("report review --format pdf", 2, "unknown format 'pdf'"),
        ("report review --from 2026-02-30", 1, "invalid --from: 2026-02-30 does not exist: February 2026 has 28 days"),
        ("report review --json --format text", 2, "--json and --format text disagree"),
        ("report review extra", 2, "takes at most 0 arguments"),
    ] as [(String, Int32, String)])
    func badInputIsRefusedAndNothingIsWritten(line: String, code: Int32, message: String) throws {
        let t = try Self.book()
        let r = t.output(line + " --out \(t.folder)/review.txt")
        #expect(r.code == code, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: t.folder + "/review.txt"))
    }

    @Test func aMistypedReportNamesReview() throws {
        let r = try Self.book().output("report revieww")
        #expect(r.code == 1)
        #expect(r.err.contains("unknown report 'revieww'. Did you mean 'review'? Reports: pipeline, reasons, sla, calls, scores, review"), "\(r.err)")
    }

    @Test func anExistingFileIsKeptWithoutForce() throws {
        let t = try Self.book()
        let path = t.folder + "/review.txt"
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let r = t.output("report review --out \(path)")
        #expect(r.code == 1)
        #expect(r.err.contains("already exists; add --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(t.output("report review --out \(path) --force").code == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("MQL review in the book"))
    }

    @Test func fitBandCohortsComeFromTheVerdict() throws {
        let t = try Self.book()
        let r = t.output("report review --by fit-band")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("By fit-band: "), "\(r.out)")
    }
}

/// Help and Tab completion for `report review` and `replay`.
@Suite struct ReviewCompletionTests {
    @Test(arguments: [
        ("report re", ["review", "reasons"]),
        ("report review --b", ["--by"]),
        ("report review --by f", ["fit-band"]),
        ("report review --by ", ReviewDimension.words),
        ("report review --format ", ["text", "json", "html"]),
        ("report review --f", ["--from", "--format", "--force"]),
        ("rep", ["report", "replay"]),
        ("replay candidate --j", ["--json"]),
    ] as [(String, [String])])
    func tabOffers(line: String, expected: [String]) throws {
        let t = try CallShell()
        #expect(Completer(session: t.session).candidates(line) == expected, "\(line)")
    }

    @Test func helpDescribesBothCommands() throws {
        let t = try CallShell()
        let review = t.output("help report review")
        #expect(review.code == 0)
        #expect(review.out.contains("report review [--from DATE] [--to DATE] [--by source|signal|specialty|profile|owner|fit-band] [--format text|json|html]"), "\(review.out)")
        let replay = t.output("help replay")
        #expect(replay.out.contains("replay DIR [--json]"), "\(replay.out)")
        #expect(t.output("help").out.contains("replay"))
    }
}
