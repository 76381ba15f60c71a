import Foundation
import Testing
@testable import DiscoveryCore

/// The narrow rows the follow-up reads hand out (`FollowUpLead`, `FollowUpCall`) carry exactly
/// the fields of the whole records that the rules read; a retry's item comes from those fields.
@Suite struct FollowUpRowsTests {
    static let t = Date(timeIntervalSince1970: 1_772_442_000)   // 2026-03-02, a Monday

    @Test(arguments: [
        Lead(id: 1, org: "A", profile: "p", createdAt: t),
        Lead(id: 2, org: "B", type: "hospital", specialty: "or", region: "west", beds: 300, source: "web", profile: "q",
             consent: .no, owner: "sam", stage: .sal, stageReason: nil, stageNote: "n", createdAt: t, mqlAt: t + 60,
             routeRule: "r", requalify: RequalifyMark(trigger: "signal demo-request", at: t + 120), website: "b.org"),
        Lead(id: 3, org: "C", profile: "p", consent: .yes, owner: nil, stage: .nurture, createdAt: t, mqlAt: t + 5,
             requalify: RequalifyMark(trigger: "new contact Dana", at: t + 9)),
    ])
    func aFollowUpLeadIsTheLeadsRuleFields(lead: Lead) {
        let row = FollowUpLead(lead)
        #expect([row.id == lead.id, row.org == lead.org, row.owner == lead.owner, row.stage == lead.stage,
                 row.consent == lead.consent, row.mqlAt == lead.mqlAt, row.requalify == lead.requalify] == Array(repeating: true, count: 7))
    }

    @Test(arguments: [
        Call(id: 7, leadId: 1, outcome: .voicemail, note: "left a message", durationMinutes: 2, at: t, endedAt: t + 120,
             actor: "sam", followUpDue: t + 86_400, contactId: 4, consentOverride: "asked"),
        Call(id: 8, leadId: 2, outcome: nil, at: t, actor: "lee"),
        Call(id: 9, leadId: 3, outcome: .callBackLater, at: t + 60, actor: "kim", followUpDue: t + 3_600),
    ])
    func aFollowUpCallIsTheCallsRetryFields(call: Call) {
        let row = FollowUpCall(call)
        #expect([row.id == call.id, row.leadId == call.leadId, row.outcome == call.outcome, row.at == call.at,
                 row.endedAt == call.endedAt, row.actor == call.actor, row.followUpDue == call.followUpDue] == Array(repeating: true, count: 7))
        let lead = FollowUpLead(id: call.leadId, org: "O", owner: "ana", stage: .sql, consent: .unknown)
        let item = DueList.item(.retry(RetryCandidate(lead: lead, call: row, hasOpenNextStep: false)), highPriority: [], now: Self.t)
        #expect(item?.owner == (call.followUpDue == nil || call.outcome == nil ? nil : call.actor))
        #expect(item?.since == (call.followUpDue == nil || call.outcome == nil ? nil : call.endedAt ?? call.at))
        #expect(item?.due == (call.outcome == nil ? nil : call.followUpDue))
    }
}
