import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct CallCommandTests {
    @Test func voicemailLogsAnAttemptAndARetryNextBusinessDay() throws {
        let t = try CallShell(now: "2026-03-06T16:00:00Z")   // a Friday
        t.run("lead new 'Mercy Regional'")
        let r = t.output("call voicemail --note 'left a message' --duration 2")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == """
            L1 Mercy Regional: voicemail logged (attempt 1, not connected).
            Next: call again (1 business day after voicemail) by 2026-03-09 16:00.

            """)
        let call = try #require(try t.store.calls(lead: 1).first)
        #expect(call.outcome == .voicemail)
        #expect(call.durationMinutes == 2)
        #expect(call.note == "left a message")
        #expect(call.followUpDue == CallShell.utc("2026-03-09T16:00:00Z"))
        #expect(call.actor == "sam")
        #expect(t.output("call L1 busy --at 15:00").out.contains("attempt 2, not connected"))
        #expect(try t.store.calls(lead: 1).map(\.at) == [CallShell.utc("2026-03-06T15:00:00Z"), CallShell.utc("2026-03-06T16:00:00Z")])
    }

    @Test func callBackLaterTakesTheGivenTime() throws {
        let t = try CallShell()
        t.run("lead new Acme")
        let r = t.output("call call-back-later --due '2026-03-04 14:30'")
        #expect(r.out.contains("Next: call back as agreed by 2026-03-04 14:30."))
        let plain = t.output("call L1 connected")
        #expect(plain.out.contains("Next: record the next step by 2026-03-03 09:00 ('next set ACTION --due DATE')."))
    }

    @Test func notInterestedMovesTheStageInTheSameChange() throws {
        let t = try CallShell()
        t.run("lead new Acme")
        t.run("lead new Beta")
        try t.stage(1, .mql, at: "2026-03-01T09:00:00Z")
        let r = t.output("call L1 not-interested --reason no-budget --note 'capital frozen until 2027'")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Stage: mql → disqualified (no-budget)."))
        let lead = try #require(try t.store.lead(id: 1))
        #expect(lead.stage == .disqualified)
        #expect(lead.stageReason == .noBudget)
        #expect(lead.stageNote == "capital frozen until 2027")
        #expect(try t.store.calls(lead: 1).first?.followUpDue == nil)
        // One change: undo takes back the call and the stage move together.
        #expect(t.output("undo").code == 0)
        #expect(try t.store.calls(lead: 1).isEmpty)
        #expect(try t.store.lead(id: 1)?.stage == .mql)
        #expect(try t.store.lead(id: 1)?.stageReason == nil)
        // Without a reason: nurture.
        #expect(t.output("call L2 not-interested").out.contains("Stage: new → nurture."))
        #expect(try t.store.lead(id: 2)?.stage == .nurture)
    }

    /// Do-not-call is the contact's own fact, apart from consent (issue 11 item 9).
    @Test func aCallToADoNotCallContactIsRefusedNamingTheContact() throws {
        let t = try CallShell()
        t.run("lead new Acme")
        _ = try t.store.addContact(Contact(leadId: 1, name: "Łukasz Nowak", doNotCall: true, createdAt: CallShell.utc("2026-03-02T09:00:00Z")),
                                   actor: "rep")
        t.run("contact add 'Ana Ruiz'")
        let before = try t.auditCount()
        let refused = t.output("call voicemail --contact 'Łukasz Nowak'")
        #expect(refused.code == 1)
        #expect(refused.err.contains("Łukasz Nowak on L1 is marked do not call: no call may be made"))
        #expect(t.output("call start --contact 'Łukasz Nowak'").code == 1)
        #expect(try t.store.calls(lead: 1).isEmpty && t.auditCount() == before)
        // Another person of the same lead may be called.
        #expect(t.output("call voicemail --contact 'Ana Ruiz'").code == 0)
    }

    @Test func consentNoIsRefusedUnlessOverriddenAndTheOverrideIsAudited() throws {
        let t = try CallShell()
        t.run("lead new Acme --consent no")
        let before = try t.auditCount()
        let refused = t.output("call voicemail")
        #expect(refused.code == 1)
        #expect(refused.err == "error: L1's consent is 'no': no call may be made. If the call was invited, add --override \"why\" (it is audited)\n")
        #expect(try t.store.calls(lead: 1).isEmpty)
        #expect(try t.auditCount() == before)
        #expect(t.output("call start").code == 1)

        let ok = t.output("call connected --override 'they called us back about the recall notice'")
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.out.contains("Consent override recorded in the audit log."))
        let entry = try #require(try t.store.audit(lead: 1).last)
        #expect(entry.entity == "call" && entry.field == "consent_override")
        #expect(entry.newValue == "they called us back about the recall notice")
        #expect(try t.store.calls(lead: 1).first?.consentOverride == "they called us back about the recall notice")
        #expect(t.output("undo").code == 0)
        #expect(try t.store.calls(lead: 1).isEmpty)
    }

    @Test func aContactWithConsentNoIsRefusedToo() throws {
        let t = try CallShell()
        t.run("lead new Acme --consent yes")
        t.run("contact add 'Dr. Ana Ruiz' --consent no")
        t.run("contact add 'Sam Lee' --consent yes")
        let r = t.output("call no-answer --contact 'Dr. Ana'")
        #expect(r.code == 1)
        #expect(r.err.contains("the contact's consent on L1 is 'no'"))
        #expect(!r.err.contains("Ruiz"))   // no personal data in error messages
        #expect(t.output("call no-answer --contact sam").code == 0)
        #expect(try t.store.calls(lead: 1).first?.contactId == 2)
    }

    @Test func startAndEndFrameACall() throws {
        let t = try CallShell(now: "2026-03-02T10:00:00Z")
        t.run("lead new Acme")
        t.run("use L1")
        let start = t.output("call start")
        #expect(start.out == "L1 Acme: call started at 2026-03-02 10:00. End it with 'call end OUTCOME'.\n")
        let open = try #require(try t.store.openCall(lead: 1))
        #expect(open.outcome == nil && open.endedAt == nil)
        let clash = t.output("call voicemail")
        #expect(clash.code == 1)
        #expect(clash.err.contains("L1 has a call open since 2026-03-02 10:00; end it with 'call end OUTCOME'"))
        #expect(t.output("call start").code == 1)

        t.clock.set("2026-03-02T10:25:00Z")
        let end = t.output("call end meeting-booked --note 'demo with value analysis'")
        #expect(end.code == 0, "\(end.err)")
        #expect(end.out.contains("meeting-booked logged (attempt 1, connected)"))
        let call = try #require(try t.store.calls(lead: 1).first)
        #expect(call.outcome == .meetingBooked)
        #expect(call.durationMinutes == 25)
        #expect(call.endedAt == CallShell.utc("2026-03-02T10:25:00Z"))
        #expect(try t.store.openCall(lead: 1) == nil)
        let again = t.output("call end voicemail")
        #expect(again.code == 1)
        #expect(again.err.contains("L1 has no open call"))
        // Undo re-opens the call.
        #expect(t.output("undo").code == 0)
        #expect(try t.store.openCall(lead: 1)?.id == call.id)
    }

    @Test func answersGivenDuringACallAreLinkedToIt() throws {
        let t = try CallShell(catalog: ScoresReportTests.catalog)
        t.run("lead new Acme")
        t.run("answer fit.facility adjacent")
        t.run("call start")
        t.run("answer fit.facility target")
        t.clock.set("2026-03-02T09:20:00Z")
        t.run("call end connected")
        t.run("answer fit.facility outside")
        let call = try #require(try t.store.calls(lead: 1).first)
        let history = try t.store.answerHistory(lead: 1, question: "fit.facility")
        #expect(history.map(\.callId) == [nil, call.id, nil])
        #expect(try t.store.answerCounts(lead: 1) == [call.id: 1])
        #expect(t.output("calls").out.contains("2026-03-02 09:00  connected  20   1    sam"))
        let json = try JSONSerialization.jsonObject(with: Data(t.output("calls --json").out.utf8)) as? [[String: Any]]
        #expect(json?.first?["answers"] as? Int == 1)
    }

    @Test func callsListsTheHistoryAsTextAndJSON() throws {
        let t = try CallShell()
        t.run("lead new Acme")
        t.at("2026-03-02T09:00:00Z", "call voicemail --at 08:30 --duration 1")
        t.at("2026-03-02T11:00:00Z", "call connected --note 'spoke to the OR manager'")
        let r = t.output("calls")
        #expect(r.out == """
            L1 Acme: 2 attempts, 1 connected
            WHEN (UTC)        OUTCOME    MIN  ANS  BY   FOLLOW-UP DUE     NOTE
            2026-03-02 08:30  voicemail  1    0    sam  2026-03-03 08:30
            2026-03-02 11:00  connected  -    0    sam  2026-03-03 11:00  spoke to the OR manager

            """)
        let json = t.output("calls L1 --json").out
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 2)
        #expect(decoded?.first?["outcome"] as? String == "voicemail")
        #expect(decoded?.first?["at"] as? String == "2026-03-02T08:30:00Z")
        #expect(decoded?.first?["connected"] as? Bool == false)
        #expect(decoded?.first?.keys.contains("note") == true)   // absent values are null, the keys stay
        #expect(t.output("lead new Quiet").code == 0)
        #expect(t.output("calls").out == "L2 Quiet: no calls yet. Log one with 'call OUTCOME'.\n")
    }
}
