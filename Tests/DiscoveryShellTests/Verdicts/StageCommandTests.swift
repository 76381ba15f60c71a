import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct StageCommandTests {
    @Test func sqlIsRefusedWhileAGateIsMissingUnlessOverridden() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        let refused = t.output("stage sql")
        #expect(refused.code == 1)
        #expect(refused.err.contains("L1 cannot move to sql: gates missing: next-step."))
        #expect(try t.store.lead(id: 1)?.stage == .new)
        let forced = t.output("stage sql --override 'CFO committed verbally'")
        #expect(forced.code == 0)
        #expect(forced.out == "L1 stage: new → sql\n")
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.stage == .sql)
        let notes = try t.store.audit(lead: 1).filter { $0.field == "stage_note" }.compactMap(\.newValue)
        #expect(notes == ["override (gates missing: next-step): CFO committed verbally"])
    }

    @Test func sqlIsAllowedWhenEveryGateIsMet() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("next set demo")
        #expect(t.output("stage sql").out == "L1 stage: new → sql\n")
    }

    @Test func sqlIsRefusedBelowTheMinimumFitThoughEveryGateIsMet() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("next set demo")
        try t.signal(1, "student")
        #expect(t.output("status").out.contains("not-yet (fit 5 below sql.min-fit 30)"))
        let refused = t.output("stage sql")
        #expect(refused.code == 1)
        #expect(refused.err.contains("L1 cannot move to sql: fit 5 below sql.min-fit 30."))
        #expect(try t.store.lead(id: 1)?.stage == .new)
        #expect(t.output("stage sql --override 'board decision'").code == 0)
        let notes = try t.store.audit(lead: 1).filter { $0.field == "stage_note" }.compactMap(\.newValue)
        #expect(notes == ["override (fit 5 below sql.min-fit 30): board decision"])
    }

    @Test func refusalNamesEveryUnmetCondition() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        try t.answer(1, "fit.specialty", .choice("dental"))
        let r = t.output("stage sql")
        #expect(r.err.contains("L1 cannot move to sql: gates missing: need, timeline, eligibility, next-step; fit 0 below sql.min-fit 30; hard stops: wrong-specialty."))
    }

    @Test func sqlIsRefusedOverAHardStop() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("next set demo")
        try t.answer(1, "fit.specialty", .choice("dental"))
        let r = t.output("stage sql")
        #expect(r.code == 1)
        #expect(r.err.contains("L1 cannot move to sql: gates missing: eligibility; fit 10 below sql.min-fit 30; hard stops: wrong-specialty."))
        #expect(try t.store.lead(id: 1)?.stage == .new)
    }

    @Test func disqualifyingNeedsAReasonAndOtherNeedsANote() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        let noReason = t.output("stage disqualified")
        #expect(noReason.code == 1)
        #expect(noReason.err.contains("moving L1 to disqualified needs --reason CODE (wrong-specialty, "))
        let other = t.output("stage closed-lost --reason other")
        #expect(other.code == 1)
        #expect(other.err.contains("reason 'other' needs --note TEXT"))
        #expect(try t.store.lead(id: 1)?.stage == .new)
        #expect(t.output("stage L1 disqualified --reason no-budget").out == "L1 stage: new → disqualified (no-budget)\n")
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.stageReason == .noBudget)
        #expect(t.output("stage closed-lost --reason other --note 'merged with L9'").code == 0)
    }

    @Test(arguments: [
        ("stage sqll", "unknown stage 'sqll'. Did you mean 'sql'? Stages: new, mql, sal, sql"),
        ("stage disqualified --reason broke", "unknown reason code 'broke'."),
        ("stage nurture --override why", "--override only applies to a move to sql"),
        ("stage new", "L1 is already at new"),
    ])
    func badMovesFailAndChangeNothing(line: String, message: String) throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        let before = try t.store.audit().count
        let r = t.output(line)
        #expect(r.code == 1)
        #expect(r.err.contains(message))
        #expect(try t.store.audit().count == before)
    }
}
