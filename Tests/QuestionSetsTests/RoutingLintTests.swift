import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

/// `routing.yaml` (SPEC §11): decoded into rules, and every mistake reported with file:line.
@Suite struct RoutingLintTests {
    static func lint(_ routing: String) throws -> (LintReport, [String]) {
        let folder = try LintFixture.folder(with: ["routing.yaml": routing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = CatalogLoader.lint(directory: folder)
        return (report, LintFixture.lines(report, in: folder))
    }

    @Test func rulesOfEveryFormDecode() throws {
        let (report, lines) = try Self.lint("""
            routing:
              - name: ohio
                when: { region: [US-OH, US-MI], profile: base }
                owner: priya
              - name: ortho
                when: { specialty: [orthopedics], beds: { min: 100, max: 400 }, question: base.kind, in: [good] }
                pool: [sam, lee]
              - name: default
                owner: inbound-queue
            capacity: { per-owner-per-month: 20 }
            """)
        #expect(lines == [])
        #expect(report.catalog.routing == RoutingConfig(rules: [
            RoutingRule(name: "ohio", when: [.field(.region, ["US-OH", "US-MI"]), .field(.profile, ["base"])], target: .owner("priya")),
            RoutingRule(name: "ortho", when: [.field(.specialty, ["orthopedics"]), .beds(min: 100, max: 400),
                                              .answers(.answerIn(question: "base.kind", values: ["good"]))],
                        target: .pool(["sam", "lee"])),
            RoutingRule(name: "default", target: .owner("inbound-queue")),
        ], capacityPerOwnerPerMonth: 20))
        #expect(report.summary == "ok: 1 set, 2 questions, 1 profile, 1 signal, 3 routing rules")
    }

    @Test func noRoutingFileAndAnEmptyListMeanNoRules() throws {
        let folder = try LintFixture.baseCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(CatalogLoader.lint(directory: folder).catalog.routing == .none)
        let (report, lines) = try Self.lint("# only examples\nrouting: []\n")
        #expect(lines == [])
        #expect(!report.catalog.routing.isActive)
        #expect(report.summary == "ok: 1 set, 2 questions, 1 profile, 1 signal")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "a typo in a field", yaml: "routing:\n  - name: a\n    when: { regoin: US-OH }\n    owner: priya\n",
            expected: ["routing.yaml:3: unknown key 'regoin' in 'when' of rule 'a'. Did you mean 'region'? Allowed keys: type, specialty, region, source, profile, beds, question, in, answered, all, any, not"]),
        Bad(name: "a typo in a rule key", yaml: "routing:\n  - name: a\n    onwer: priya\n",
            expected: ["routing.yaml:2: rule 'a' has no 'owner' or 'pool': say who gets the leads it matches",
                       "routing.yaml:3: unknown key 'onwer' in rule 'a'. Did you mean 'owner'? Allowed keys: name, when, owner, pool"]),
        Bad(name: "an unknown profile", yaml: "routing:\n  - name: a\n    when: { profile: [bsae] }\n    owner: priya\n",
            expected: ["routing.yaml:3: rule 'a' matches profile 'bsae', which is not defined. Did you mean 'base'? Profiles: base"]),
        Bad(name: "an empty pool", yaml: "routing:\n  - name: a\n    pool: []\n",
            expected: ["routing.yaml:3: the pool of rule 'a' is empty: list at least one rep, or use 'owner: NAME'"]),
        Bad(name: "an owner with a space", yaml: "routing:\n  - name: a\n    owner: priya s\n",
            expected: ["routing.yaml:3: an owner of rule 'a' is 'priya s': use only letters, digits, '-' and '_' (no spaces or dots), starting with a letter or digit"]),
        Bad(name: "a rule after a catch-all", yaml: "routing:\n  - name: all\n    owner: q\n  - name: late\n    when: { region: X }\n    owner: p\n",
            expected: ["routing.yaml:4: rule 'late' can never match: rule 'all' (line 2) before it has no 'when' and takes every lead; move it above or remove it"]),
        Bad(name: "a question that does not exist", yaml: "routing:\n  - name: a\n    when: { question: base.knid, in: [good] }\n    owner: p\n",
            expected: ["routing.yaml:3: 'when' of 'routing rule a' refers to 'base.knid', which does not exist. Did you mean 'base.kind'?"]),
        Bad(name: "a choice that does not exist", yaml: "routing:\n  - name: a\n    when: { question: base.kind, in: [great] }\n    owner: p\n",
            expected: ["routing.yaml:3: 'when' of 'routing rule a' lists 'great', which is not a choice of 'base.kind'. Choices: good, no"]),
        Bad(name: "both owner and pool", yaml: "routing:\n  - name: a\n    owner: p\n    pool: [q]\n",
            expected: ["routing.yaml:2: rule 'a' has both 'owner' and 'pool': give one"]),
        Bad(name: "duplicate rule names", yaml: "routing:\n  - name: a\n    when: { region: X }\n    owner: p\n  - name: a\n    owner: q\n",
            expected: ["routing.yaml:5: duplicate rule name 'a' (first at line 2)"]),
        Bad(name: "beds min above max", yaml: "routing:\n  - name: a\n    when: { beds: { min: 5, max: 1 } }\n    owner: p\n",
            expected: ["routing.yaml:3: 'beds' of rule 'a' has min 5 above max 1"]),
        Bad(name: "no routing list", yaml: "rules: []\n",
            expected: ["routing.yaml:1: unknown key 'rules' in the routing file. Allowed keys: routing, capacity",
                       "routing.yaml:1: the routing file has no 'routing:' list (write 'routing: []' for no rules)"]),
        Bad(name: "capacity of zero", yaml: "routing: []\ncapacity: { per-owner-per-month: 0 }\n",
            expected: ["routing.yaml:2: 'per-owner-per-month' of 'capacity' is 0: give the number of new MQLs a rep can follow up a month (1 or more)"]),
    ]

    @Test(arguments: bad) func mistakesAreReportedWithTheirLine(_ row: Bad) throws {
        let (report, lines) = try Self.lint(row.yaml)
        #expect(lines == row.expected)
        #expect(!report.isValid)
    }

    @Test func theBundledRoutingFileHasNoActiveRule() {
        let report = CatalogLoader.lint(directory: LintFixture.bundledFolder)
        #expect(report.diagnostics == [])
        #expect(report.catalog.routing == .none)
    }
}
