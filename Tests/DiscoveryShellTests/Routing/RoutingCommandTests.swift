import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// Routing in the shell: unowned until MQL, routed at once with the rule printed and audited, `route`.
@Suite struct RoutingCommandTests {
    static let routing = RoutingConfig(rules: [
        RoutingRule(name: "ohio-capital", when: [.field(.region, ["US-OH"])], target: .owner("priya")),
        RoutingRule(name: "ortho-pool", when: [.field(.specialty, ["orthopedics"])], target: .pool(["sam", "lee"])),
    ])

    static var catalog: Catalog {
        var c = VerdictCatalog.catalog
        c.routing = routing
        return c
    }

    /// A consumables lead at fit 30, one webinar short of the MQL total 40.
    func almostMQL(_ t: TestShell, _ args: String) throws -> Int64 {
        t.run("lead new Acme --consent yes --profile consumables \(args)")
        let id = try #require(t.session.currentLead)
        try t.answer(id, "fit.specialty", .choice("ortho"))
        try t.answer(id, "fit.org-type", .choice("hospital"))
        return id
    }

    @Test func withRulesANewLeadStaysUnownedAndIsRoutedWhenItBecomesAnMQL() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        let id = try almostMQL(t, "--region US-OH")
        #expect(try t.store.lead(id: id)?.owner == nil)
        let r = t.output("signal add demo-request")
        #expect(r.code == 0)
        #expect(r.out.hasSuffix("L1 is now an MQL (new → mql): fit 30 ≥ 30 and fit + intent 80 ≥ 40\nL1 routed to priya (rule ohio-capital)\n"))
        let lead = try #require(try t.store.lead(id: id))
        #expect(lead.owner == "priya" && lead.routeRule == "ohio-capital")
        let audit = try t.store.audit(lead: id)
        #expect(audit.contains { $0.field == "route_rule" && $0.newValue == "ohio-capital" })
        // The new owner sees the first call (4 h SLA: a demo request) at the top of `due`.
        let due = t.output("due --owner priya")
        #expect(due.out.hasPrefix("Due today for priya (1):\n  L1 Acme: first call (4 h SLA, demo-request"))
    }

    @Test func withoutRulesTheCreatorOwnsTheLeadAsBefore() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog, user: "mkto")
        let id = try almostMQL(t, "--region US-OH")
        #expect(try t.store.lead(id: id)?.owner == "mkto")
        let r = t.output("signal add webinar-attended")
        #expect(!r.out.contains("routed"))
        #expect(try t.store.lead(id: id)?.owner == "mkto")
    }

    @Test func anExplicitOwnerIsKept() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        let id = try almostMQL(t, "--region US-OH --owner dana")
        let r = t.output("signal add webinar-attended")
        #expect(!r.out.contains("routed"))
        #expect(try t.store.lead(id: id)?.owner == "dana")
    }

    @Test func aPoolPicksTheMemberWithFewestOpenLeads() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new Other --owner sam")
        let id = try almostMQL(t, "--specialty orthopedics")
        let r = t.output("signal add webinar-attended")
        #expect(r.out.hasSuffix("L2 routed to lee (rule ortho-pool)\n"))
        #expect(try t.store.lead(id: id)?.owner == "lee")
    }

    @Test func noMatchingRuleWarnsAndLeavesTheLeadUnowned() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        let id = try almostMQL(t, "--region US-TX")
        let r = t.output("signal add webinar-attended")
        #expect(r.err == "warning: no routing rule matches L1: it stays unowned (fix routing.yaml, then 'route L1')\n")
        #expect(try t.store.lead(id: id)?.stage == .mql)
        #expect(try t.store.lead(id: id)?.owner == nil)
    }

    @Test func routeDryRunShowsAndRouteRoutes() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new Acme --region US-OH")
        let before = try t.store.audit().count
        #expect(t.output("route --dry-run").out == "L1 would be routed to priya (rule ohio-capital)\n")
        #expect(try t.store.audit().count == before)
        #expect(t.output("route L1").out == "L1 routed to priya (rule ohio-capital)\n")
        let again = t.output("route L1")
        #expect(again.code == 1)
        #expect(again.err == "error: L1 already belongs to priya (rule ohio-capital); hand it over with 'lead set L1 owner NAME'\n")
    }

    @Test func routeAllDryRunTabulatesTheUnownedBook() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new A --specialty orthopedics")
        t.run("lead new B --specialty orthopedics")
        t.run("lead new C --region US-TX")
        t.run("lead new D --owner zoe")
        let r = t.output("route --all --dry-run")
        #expect(r.out == """
            LEAD  ORG  STAGE  OWNER  RULE
            L1    A    new    sam    ortho-pool
            L2    B    new    lee    ortho-pool
            L3    C    new    -      (no rule matches)
            Dry run: nothing changed (3 unowned leads).

            """)
    }

    @Test func routeRefusesWhatItCannotDo() throws {
        let plain = try TestShell(catalog: VerdictCatalog.catalog)
        plain.run("lead new A")
        let none = plain.output("route L1")
        #expect(none.code == 1 && none.err.contains("routing.yaml has no rules"))
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new C --region US-TX")
        let before = try t.store.audit().count
        let noMatch = t.output("route L1")
        #expect(noMatch.code == 1)
        #expect(noMatch.err == "error: no routing rule matches L1 (region US-TX, profile capital-equipment): add a rule, or a catch-all rule without 'when', to routing.yaml\n")
        let all = t.output("route --all")
        #expect(all.code == 2 && all.err.contains("route --all needs --dry-run"))
        #expect(try t.store.audit().count == before)
    }

    @Test func aManualMoveToMQLRoutesToo() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new A --region US-OH")
        let r = t.output("stage mql")
        #expect(r.out == "L1 stage: new → mql\nL1 routed to priya (rule ohio-capital)\n")
    }

    @Test func withRulesAnImportedLeadWithoutOwnerStaysUnowned() throws {
        for (catalog, expected) in [(Self.catalog, [nil, "dana"]), (VerdictCatalog.catalog, ["mkto", "dana"])] as [(Catalog, [String?])] {
            let t = try TestShell(catalog: catalog, user: "mkto")
            let file = t.folder + "/in.csv"
            try Data("org,region,owner\nAcme,US-OH,\nBeta,US-OH,dana\n".utf8).write(to: URL(fileURLWithPath: file))
            let r = t.output("import \(file)")
            #expect(r.code == 0, "\(r.err)")
            #expect(try t.store.leads().map(\.owner) == expected)
        }
    }

    @Test func tabCompletesTheNewWords() throws {
        let t = try TestShell(catalog: Self.catalog, user: "mkto")
        t.run("lead new Acme")
        t.run("contact add 'Dana Reyes'")
        let completer = Completer(session: t.session)
        #expect(completer.candidates("rou") == ["route"])
        #expect(completer.candidates("route --d") == ["--dry-run"])
        #expect(completer.candidates("requalify ") == ["done"])
        #expect(completer.candidates("signal add demo-request --contact D") == ["Dana Reyes"])
    }
}
