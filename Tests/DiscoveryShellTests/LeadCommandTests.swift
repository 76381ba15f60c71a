import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Testing
@testable import DiscoveryShell

@Suite struct LeadCommandTests {
    @Test func newLeadPrintsItsIdAndBecomesCurrent() throws {
        let t = try TestShell()
        let r = t.output("lead new 'Mercy Regional' --type hospital --beds 320 --region US-OH")
        #expect(r.code == 0)
        #expect(r.out == "L1\n")
        #expect(t.session.currentLead == 1)
        #expect(Prompt.text(for: t.session) == "L1 Mercy Regional> ")
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.beds == 320)
        #expect(lead.owner == "rep")
        #expect(lead.profile == "capital-equipment")
    }

    @Test func leadsAreNamedByIdOrUniquePrefix() throws {
        let t = try TestShell()
        t.run("lead new 'Mercy Regional'")
        t.run("lead new 'Mercy West Clinic'")
        t.run("lead new 'St. Luke Hospital'")
        #expect(t.output("use L3").out == "L3 St. Luke Hospital\n")
        #expect(t.output("use 2").out == "L2 Mercy West Clinic\n")
        #expect(t.output("use st.").out == "L3 St. Luke Hospital\n")
        let ambiguous = t.output("use mercy")
        #expect(ambiguous.code == 1)
        #expect(ambiguous.err.contains("matches several leads: L1 Mercy Regional, L2 Mercy West Clinic"))
        let unknown = t.output("use L99")
        #expect(unknown.code == 1)
        #expect(unknown.err.contains("no lead L99"))
    }

    @Test func usageErrorsSuggestTheClosestName() throws {
        let t = try TestShell()
        let sub = t.output("lead nwe X")
        #expect(sub.code == 2)
        #expect(sub.err.contains("Did you mean 'new'?"))
        let opt = t.output("lead new X --tpye hospital")
        #expect(opt.code == 2)
        #expect(opt.err.contains("Did you mean '--type'?"))
        let cmd = t.output("laed list")
        #expect(cmd.code == 2)
        #expect(cmd.err.contains("Did you mean 'lead'?"))
    }

    @Test func setChangesOneFieldAndUndoRevertsIt() throws {
        let t = try TestShell()
        t.run("lead new Acme --region West")
        #expect(t.output("lead set region East").code == 0)
        #expect(try t.store.lead(id: 1)?.region == "East")
        let undo = t.output("undo")
        #expect(undo.code == 0)
        #expect(try t.store.lead(id: 1)?.region == "West")
        let bad = t.output("lead set consent maybe")
        #expect(bad.code == 1)
        #expect(bad.err.contains("invalid consent 'maybe'"))
    }
}
