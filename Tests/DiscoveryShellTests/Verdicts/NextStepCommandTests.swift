import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct NextStepCommandTests {
    @Test func settingANextStepMeetsTheNextStepGateAndUndoRevertsIt() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        let r = t.output("next set demo --note 'Technical walkthrough with Dr. Ruiz' --owner ana --due 2026-03-06")
        #expect(r.code == 0)
        #expect(r.out == "L1 next step: demo \"Technical walkthrough with Dr. Ruiz\", owner ana, due 2026-03-06\n")
        #expect(t.output("status --json").out.contains("\"verdict\" : \"sql-ready\""))
        #expect(t.output("status").out.contains("  next step  demo \"Technical walkthrough with Dr. Ruiz\", owner ana, due 2026-03-06\n"))
        // Changing the open step changes it in place; undo puts it back.
        #expect(t.output("next set technical-review").code == 0)
        #expect(try t.store.openNextStep(lead: 1)?.action == .technicalReview)
        #expect(try t.store.openNextStep(lead: 1)?.owner == "rep")
        #expect(t.output("undo").code == 0)
        let back = try #require(try t.store.openNextStep(lead: 1))
        #expect(back.action == .demo)
        #expect(back.owner == "ana")
        #expect(Dates.day(try #require(back.due)) == "2026-03-06")
        #expect(t.output("next done").out == "L1 next step done: demo \"Technical walkthrough with Dr. Ruiz\"\n")
        #expect(try t.store.openNextStep(lead: 1) == nil)
        #expect(t.output("status --json").out.contains("\"verdict\" : \"not-yet\""))
        #expect(t.output("undo").code == 0)
        #expect(try t.store.openNextStep(lead: 1)?.action == .demo)
    }

    @Test func defaultsAreTheLeadsOwnerAndTwoBusinessDays() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme --owner ana")
        #expect(t.output("next set schedule-follow-up").out == "L1 next step: schedule-follow-up, owner ana, due 2026-03-04\n")
    }

    @Test(arguments: [
        ("next set demoo", "unknown action 'demoo'. Did you mean 'demo'? Actions: demo, technical-review"),
        ("next set demo --due 2026-03-01", "--due 2026-03-01 is in the past (today is 2026-03-02)"),
        ("next set demo --due 2026-02-30", "invalid --due: 2026-02-30 does not exist: February 2026 has 28 days"),
        ("next set demo --due 30/02/2026", "invalid --due '30/02/2026': expected a date as YYYY-MM-DD"),
        ("next set demo --due tomorrow", "invalid --due 'tomorrow'"),
        ("next set demo --owner ''", "--owner is empty"),
    ])
    func badInputFailsAndChangesNothing(line: String, message: String) throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        let before = try t.store.audit().count
        let r = t.output(line)
        #expect(r.code == 1)
        #expect(r.err.contains(message))
        #expect(try t.store.audit().count == before)
        #expect(try t.store.openNextStep(lead: 1) == nil)
    }

    @Test func consentNoRefusesOutreachSteps() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme --consent no")
        let r = t.output("next set demo")
        #expect(r.code == 1)
        #expect(r.err.contains("L1's consent is no: 'demo' is an outreach step and cannot be set (allowed: disqualify)"))
        #expect(t.output("next set disqualify").code == 0)
    }

    @Test func doneWithoutAnOpenStepFails() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        let r = t.output("next done")
        #expect(r.code == 1)
        #expect(r.err.contains("L1 has no open next step"))
    }
}
