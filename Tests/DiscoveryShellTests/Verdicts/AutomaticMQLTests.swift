import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

/// A `new` lead that meets its profile's MQL rule moves to `mql` by itself, audited.
@Suite struct AutomaticMQLTests {
    @Test func aNewLeadMeetingTheMQLRuleMovesToMQLByItself() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme --consent yes")
        try t.answer(1, "fit.specialty", .choice("ortho"))
        try t.answer(1, "fit.org-type", .choice("hospital"))
        try t.signal(1, "webinar-attended")
        // fit 30, intent 15: total 45 is not an MQL at 75 (capital-equipment) but is at 40.
        #expect(t.session.refreshQualification(1) == nil)
        #expect(try t.store.lead(id: 1)?.stage == .new)
        let r = t.output("lead set profile consumables")
        #expect(r.out == "L1 profile: consumables\nL1 is now an MQL (new → mql): fit 30 ≥ 30 and fit + intent 45 ≥ 40\n")
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.stage == .mql)
        #expect(lead.mqlAt == TestShell.now)
        let entry = try #require(try t.store.audit(lead: 1).last { $0.field == "stage" })
        #expect(entry.oldValue == "new" && entry.newValue == "mql" && entry.actor == "rep")
        // Only a `new` lead moves by itself.
        #expect(t.session.refreshQualification(1) == nil)
    }

    @Test func aCallThatEndsTheInactivityDecayCanMakeAnMQL() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        let long = TestShell.now - 200 * 86_400
        _ = try t.store.createLead(Lead(org: "Acme", profile: "consumables", consent: .yes, owner: "rep", createdAt: long),
                                   actor: "rep")
        try t.answer(1, "fit.specialty", .choice("ortho"), at: long)
        try t.answer(1, "fit.org-type", .choice("hospital"), at: long)
        try t.signal(1, "webinar-attended", at: long)
        // 200 days idle: 3 full months past 90 cost 30 intent; 30 + 15 − 30 = 15 < 40.
        #expect(t.session.refreshQualification(1) == nil)
        let r = t.output("call L1 connected")
        #expect(r.code == 0)
        #expect(r.out.contains("L1 is now an MQL (new → mql): fit 30 ≥ 30 and fit + intent 45 ≥ 40\n"))
        #expect(try t.store.lead(id: 1)?.stage == .mql)
    }
}
