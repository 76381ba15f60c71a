import DiscoveryCore
import Foundation
import Testing

/// Routing rules (SPEC §11) as tables of plain values: first match wins, fields, beds, answers, pools.
@Suite struct RouterTests {
    static let t0 = Date(timeIntervalSince1970: 1_772_442_000)
    static let ohio = Lead(org: "Mercy", type: "hospital", specialty: "orthopedics", region: "US-OH", beds: 320,
                           source: "webinar", profile: "capital-equipment", createdAt: t0)
    static let config = RoutingConfig(rules: [
        RoutingRule(name: "ohio-capital", when: [.field(.region, ["US-OH", "US-MI"]), .field(.profile, ["capital-equipment"])],
                    target: .owner("priya")),
        RoutingRule(name: "ortho-pool", when: [.field(.specialty, ["orthopedics", "spine"])], target: .pool(["sam", "lee"])),
        RoutingRule(name: "big", when: [.beds(min: 500, max: nil)], target: .owner("dana")),
        RoutingRule(name: "academic", when: [.answers(.answerIn(question: "fit.org-type", values: ["academic"]))],
                    target: .owner("ola")),
        RoutingRule(name: "default", target: .owner("inbound-queue")),
    ])

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        var lead: Lead
        var answers: [String: AnswerValue] = [:]
        var open: [String: Int] = [:]
        let expected: RoutingDecision?
        var config = RouterTests.config
        var testDescription: String { name }
    }

    static func lead(_ change: (inout Lead) -> Void) -> Lead {
        var l = ohio
        change(&l)
        return l
    }

    static let rows: [Row] = [
        Row(name: "every field of the first rule matches", lead: ohio, expected: RoutingDecision(owner: "priya", rule: "ohio-capital")),
        Row(name: "field values match case-insensitively", lead: lead { $0.region = "us-mi" },
            expected: RoutingDecision(owner: "priya", rule: "ohio-capital")),
        Row(name: "one field of a rule missing: the next rule", lead: lead { $0.profile = "consumables" },
            expected: RoutingDecision(owner: "sam", rule: "ortho-pool")),
        Row(name: "pool: the member with fewer open leads", lead: lead { $0.region = "US-TX" }, open: ["sam": 3, "lee": 1],
            expected: RoutingDecision(owner: "lee", rule: "ortho-pool")),
        Row(name: "pool: a tie goes to the first listed", lead: lead { $0.region = "US-TX" }, open: ["sam": 2, "lee": 2],
            expected: RoutingDecision(owner: "sam", rule: "ortho-pool")),
        Row(name: "pool: a member with no open leads counts 0", lead: lead { $0.region = "US-TX" }, open: ["sam": 1],
            expected: RoutingDecision(owner: "lee", rule: "ortho-pool")),
        Row(name: "beds at the minimum match", lead: lead { $0.region = nil; $0.specialty = nil; $0.beds = 500 },
            expected: RoutingDecision(owner: "dana", rule: "big")),
        Row(name: "beds below the minimum do not", lead: lead { $0.region = nil; $0.specialty = nil; $0.beds = 499 },
            expected: RoutingDecision(owner: "inbound-queue", rule: "default")),
        Row(name: "no beds never matches a beds range", lead: lead { $0.region = nil; $0.specialty = nil; $0.beds = nil },
            expected: RoutingDecision(owner: "inbound-queue", rule: "default")),
        Row(name: "an answer condition", lead: lead { $0.region = nil; $0.specialty = nil },
            answers: ["fit.org-type": .choice("academic")], expected: RoutingDecision(owner: "ola", rule: "academic")),
        Row(name: "an empty field never matches", lead: lead { $0.region = nil; $0.specialty = nil; $0.beds = 10 },
            expected: RoutingDecision(owner: "inbound-queue", rule: "default")),
        Row(name: "no catch-all and nothing matches: unrouted", lead: lead { $0.region = nil; $0.specialty = nil },
            expected: nil, config: RoutingConfig(rules: Array(RouterTests.config.rules.prefix(3)))),
        Row(name: "no rules: unrouted", lead: ohio, expected: nil, config: .none),
    ]

    @Test(arguments: rows) func routes(_ row: Row) {
        #expect(Router.route(row.lead, answers: row.answers, config: row.config, openLeads: row.open) == row.expected)
    }

    @Test func noRulesIsInactive() {
        #expect(!RoutingConfig.none.isActive)
        #expect(Self.config.isActive)
        #expect(Self.config.rules.last?.isCatchAll == true)
    }
}
