import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// An MQL that no longer meets the MQL rule goes back to `new` by itself; an accepted lead keeps its stage.
@Suite struct MQLLossTests {
    static var catalog: Catalog {
        var c = VerdictCatalog.catalog
        c.signals.append(SignalDefinition(id: "unsubscribe", label: "Unsubscribed", score: ScoreDelta(intent: -20)))
        return c
    }

    /// A consumables MQL at fit 30 + intent 15 = 45 (the bar is 40).
    func mql() throws -> TestShell {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new Acme --consent yes --profile consumables")
        try t.answer(1, "fit.specialty", .choice("ortho"))
        try t.answer(1, "fit.org-type", .choice("hospital"))
        t.run("signal add webinar-attended")
        #expect(try t.store.lead(id: 1)?.stage == .mql)
        return t
    }

    @Test func anUnsubscribeTakesMQLStatusAwayAndSaysSo() throws {
        let t = try mql()
        let r = t.output("signal add unsubscribe")
        #expect(r.out == "L1: unsubscribe (Unsubscribed) -20 intent\nL1 is no longer an MQL (mql → new): fit + intent 25 is below the MQL total 40 and no high-priority signal\n")
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.stage == .new)
        #expect(lead.mqlAt == TestShell.now)
        let entry = try #require(try t.store.audit(lead: 1).last { $0.field == "stage" })
        #expect(entry.oldValue == "mql" && entry.newValue == "new")
        let note = try #require(try t.store.audit(lead: 1).last { $0.field == "stage_note" })
        #expect(note.newValue == "automatic: no longer an MQL: fit + intent 25 is below the MQL total 40 and no high-priority signal")
        // Meeting the rule again makes it an MQL again.
        let again = t.output("signal add webinar-attended")
        #expect(again.out.hasSuffix("L1 is now an MQL (new → mql): fit 30 ≥ 30 and fit + intent 40 ≥ 40\n"))
    }

    @Test func aLeadAPersonMovedToMQLStays() throws {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new Acme --consent yes --profile consumables")
        t.run("stage mql")
        let r = t.output("signal add unsubscribe")
        #expect(!r.out.contains("no longer an MQL"))
        #expect(try t.store.lead(id: 1)?.stage == .mql)
    }

    @Test func anAcceptedLeadKeepsItsStageAndStatusNotesTheDrop() throws {
        let t = try mql()
        t.run("accept")
        let r = t.output("signal add unsubscribe")
        #expect(!r.out.contains("no longer an MQL"))
        #expect(try t.store.lead(id: 1)?.stage == .sal)
        let status = t.output("status").out
        #expect(status.contains("mql note   no longer meets the MQL rule; accepted by sales, so it stays at sal"))
    }
}
