import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// A small, fixed book of business for the `due` and `report` tests: two SDRs (sam, ana),
/// leads in most stages, first-attempt SLAs met, due, open and breached, call retries and
/// next steps. The clock ends on Monday 2026-03-02 09:00 UTC.
enum PipelineFixture {
    static func build(unicode: Bool = false, width: Int = 80, user: String = "sam",
                      catalog: Catalog = CallShell.catalog) throws -> CallShell {
        let t = try CallShell(now: "2026-02-23T09:00:00Z", user: user, unicode: unicode, width: width, catalog: catalog)
        let leads = [
            "'Mercy Regional' --owner sam", "'St. Luke Hospital' --owner sam", "'Valley Clinic' --owner ana",
            "'Harbor IDN' --owner ana", "'Northside ASC' --owner sam", "'Lakeside Surgical' --owner ana",
            "'Pine Orthopedics' --owner sam --consent no", "'Bay Cardiology' --owner ana", "'Summit Health' --owner ana",
            "'Cedar Imaging' --owner sam",
        ]
        for lead in leads { t.run("lead new \(lead)") }
        // L1: met its SLA, connected, worked up to sql; a demo is due today.
        try t.stage(1, .mql, at: "2026-02-26T10:00:00Z")
        t.at("2026-02-26T14:00:00Z", "call L1 voicemail")
        t.at("2026-02-27T10:00:00Z", "call L1 connected --duration 12")
        try t.stage(1, .sal, at: "2026-02-27T11:00:00Z")
        try t.stage(1, .sql, at: "2026-02-27T12:00:00Z")
        try t.nextStep(1, .demo, note: "Demo for the OR team", owner: "sam", due: "2026-03-02T00:00:00Z", setAt: "2026-02-27T12:00:00Z")
        // L2: mql on Friday afternoon, not called: due Monday afternoon.
        try t.stage(2, .mql, at: "2026-02-27T16:00:00Z")
        // L3: called late (breached), then not interested: no budget.
        try t.stage(3, .mql, at: "2026-02-24T09:00:00Z")
        t.at("2026-02-26T11:00:00Z", "call L3 not-interested --reason no-budget")
        // L4: a demo request this morning: 4-hour SLA, due at 10:00.
        try t.signal(4, "demo-request", at: "2026-03-02T06:00:00Z")
        try t.stage(4, .mql, at: "2026-03-02T06:00:00Z")
        // L5: still new; ana got a busy line this morning: retry at noon.
        try t.call(5, .busy, by: "ana", at: "2026-03-02T08:00:00Z")
        try t.call(5, .wrongNumber, by: "ana", at: "2026-02-27T08:00:00Z")
        // L6: mql a week ago, never called: breached.
        try t.stage(6, .mql, at: "2026-02-24T09:00:00Z")
        // L7: consent no: no SLA, no outreach.
        try t.stage(7, .mql, at: "2026-02-24T09:00:00Z")
        // L8, L9: disqualified directly.
        try t.stage(8, .mql, at: "2026-02-24T12:00:00Z")
        t.at("2026-02-24T15:00:00Z", "call L8 gatekeeper")
        try t.stage(8, .disqualified, reason: .wrongGeography, at: "2026-02-25T09:00:00Z")
        try t.stage(9, .disqualified, reason: .noBudget, at: "2026-02-25T10:00:00Z")
        // L10: not interested without a reason: nurture. A technical review that stays open.
        t.at("2026-02-25T16:00:00Z", "call L10 no-answer")
        t.at("2026-02-26T16:00:00Z", "call L10 not-interested")
        try t.nextStep(10, .technicalReview, owner: "ana", due: "2026-02-27T00:00:00Z", setAt: "2026-02-25T12:00:00Z")
        return t
    }
}
