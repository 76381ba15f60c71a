import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `lead set LEAD profile P` re-evaluates the verdict under the new profile and says what changed.
@Suite struct ProfileChangeTests {
    /// Fit 30 and a webinar (intent 15): an MQL under consumables (total 40), not under
    /// capital-equipment (total 75).
    func mqlUnderConsumables() throws -> TestShell {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        t.run("lead set L1 profile consumables")
        try t.signal(1, "webinar-attended")
        t.run("answer need.problem 'OR turnover, again'")
        #expect(try t.store.lead(id: 1)?.stage == .mql)
        return t
    }

    @Test func anMQLThatStopsQualifyingIsTold() throws {
        let t = try mqlUnderConsumables()
        let r = t.output("lead set L1 profile capital-equipment")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == """
            L1 profile: capital-equipment
              MQL rule of capital-equipment: met → not met (fit + intent 45 is below the MQL total 75 and no high-priority signal)
            L1 is no longer an MQL (mql → new): fit + intent 45 is below the MQL total 75 and no high-priority signal

            """)
        #expect(try t.store.lead(id: 1)?.stage == .new)
    }

    @Test func aProfileChangeThatMovesNothingSaysSo() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        let r = t.output("lead set L1 profile consumables")
        #expect(r.out == "L1 profile: consumables\n  verdict unchanged: not-yet (missing: next-step)\n")
    }

    @Test func theNewVerdictAndScoresAreShownWhenTheyMove() throws {
        var catalog = VerdictCatalog.catalog
        catalog.profiles.append(Profile(id: "strict", title: "strict", sets: ["fit", "need", "timeline"],
                                        mql: .init(minTotal: 40, minFit: 40), sql: .init(gates: ["need"], minFit: 40),
                                        bands: [.fit: Band(mid: 20, high: 40)]))
        let t = try TestShell(catalog: catalog)
        try t.qualifiedLead()
        let r = t.output("lead set L1 profile strict")
        #expect(r.out == """
            L1 profile: strict
              verdict: not-yet (missing: next-step) → not-yet (fit 30 below sql.min-fit 40)
              fit: 30 → 30 (mid)

            """)
    }

    @Test func otherFieldsStayQuietWhenTheVerdictDoesNotMove() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        #expect(t.output("lead set L1 region US-OH").out == "L1 region: US-OH\n")
    }
}
