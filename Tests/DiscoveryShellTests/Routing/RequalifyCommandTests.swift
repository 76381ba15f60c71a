import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// Re-qualification in the shell: marked by a requalify signal, a new contact or an answer that
/// clears no-timeline; shown by `status`, listed by `due`, cleared by a stage move or `requalify done`.
@Suite struct RequalifyCommandTests {
    static var catalog: Catalog {
        var c = VerdictCatalog.catalog
        c.signals.append(SignalDefinition(id: "pricing-page-revisit", label: "Came back to pricing", score: ScoreDelta(intent: 10),
                                          requalify: true))
        return c
    }

    func nurtured() throws -> TestShell {
        let t = try TestShell(catalog: Self.catalog, user: "sam")
        t.run("lead new Acme --consent yes")
        t.run("stage nurture")
        return t
    }

    @Test func aRequalifySignalMarksANurturedLead() throws {
        let t = try nurtured()
        let r = t.output("signal add pricing-page-revisit")
        #expect(r.out.hasSuffix("L1 (nurture) is marked for re-qualification: signal pricing-page-revisit; due by 2026-03-03 09:00\n"))
        #expect(try t.store.lead(id: 1)?.requalify?.trigger == "signal pricing-page-revisit")
        let status = t.output("status").out
        #expect(status.contains("requalify  signal pricing-page-revisit, since 2026-03-02 09:00; due by 2026-03-03 09:00 ('requalify done' clears it)"))
        let json = t.output("status --json").out
        #expect(json.contains("\"requalify\" : {\n    \"at\" : \"2026-03-02T09:00:00Z\",\n    \"due\" : \"2026-03-03T09:00:00Z\",\n    \"trigger\" : \"signal pricing-page-revisit\"\n  }"))
        // A plain signal does not mark; nor does a second trigger replace the first.
        t.run("contact add 'Dana Reyes'")
        #expect(try t.store.lead(id: 1)?.requalify?.trigger == "signal pricing-page-revisit")
    }

    @Test func aStatusWithoutMarkHasANullRequalify() throws {
        let t = try nurtured()
        #expect(t.output("status --json").out.contains("\"requalify\" : null"))
        #expect(!t.output("status").out.contains("requalify"))
    }

    @Test func aNewContactMarksALostLead() throws {
        let t = try TestShell(catalog: Self.catalog, user: "sam")
        t.run("lead new Acme")
        t.run("stage closed-lost --reason competitor-locked")
        let r = t.output("contact add 'Dana Reyes' --role champion")
        #expect(r.out.hasSuffix("L1 (closed-lost) is marked for re-qualification: new contact Dana Reyes; due by 2026-03-03 09:00\n"))
    }

    @Test func anAnswerThatClearsNoTimelineMarksTheLead() throws {
        let t = try nurtured()
        t.run("answer timeline.evaluation-window exploring")
        #expect(try t.store.lead(id: 1)?.requalify == nil)
        let r = t.output("answer timeline.evaluation-window this-quarter")
        #expect(r.out.hasSuffix("L1 (nurture) is marked for re-qualification: answer timeline.evaluation-window cleared no-timeline; due by 2026-03-03 09:00\n"))
    }

    @Test func aStandingHardStopKeepsADisqualifiedLeadOut() throws {
        let t = try TestShell(catalog: Self.catalog, user: "sam")
        t.run("lead new Acme")
        t.run("answer fit.specialty dental")
        t.run("stage disqualified --reason wrong-specialty")
        let r = t.output("signal add pricing-page-revisit")
        #expect(!r.out.contains("re-qualification"))
        #expect(try t.store.lead(id: 1)?.requalify == nil)
    }

    @Test func dueListsAMarkedLeadAfterOneBusinessDay() throws {
        let t = try nurtured()
        _ = try t.store.markRequalify(lead: 1, trigger: "signal demo-request", actor: "mkto", at: TestShell.now - 4 * 86_400)
        let r = t.output("due --owner sam")
        #expect(r.out.contains("L1 Acme: re-qualify (nurture; signal demo-request)\n    breached: due 2026-02-27 09:00"))
    }

    @Test func requalifyDoneClearsTheMarkAndAStageMoveToo() throws {
        let t = try nurtured()
        t.run("signal add pricing-page-revisit")
        let r = t.output("requalify done")
        #expect(r.code == 0 && r.out == "L1: re-qualification done (signal pricing-page-revisit); stays at nurture\n")
        #expect(try t.store.lead(id: 1)?.requalify == nil)
        let before = try t.store.audit().count
        let again = t.output("requalify done L1")
        #expect(again.code == 1 && again.err == "error: L1 is not marked for re-qualification; nothing to clear\n")
        #expect(try t.store.audit().count == before)
        _ = try t.store.markRequalify(lead: 1, trigger: "new contact X", actor: "sam", at: TestShell.now)
        t.run("stage mql")
        #expect(try t.store.lead(id: 1)?.requalify == nil)
    }
}
