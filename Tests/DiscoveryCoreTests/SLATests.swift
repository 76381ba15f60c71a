import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct SLATests {
    func signal(_ kind: String, _ at: String) -> SignalEvent {
        SignalEvent(leadId: 1, kind: kind, actor: "mkt", at: utc(at))
    }

    @Test func standardWindowIs24BusinessHours() {
        let sla = FirstAttemptSLA(mqlAt: utc("2026-03-06T15:00:00Z"), highPrioritySignals: [])
        #expect(sla.windowHours == 24)
        #expect(sla.deadline == utc("2026-03-09T15:00:00Z"))   // Friday → Monday, the weekend skipped
        #expect(sla.prioritySignal == nil)
    }

    @Test func highPrioritySignalShortensTheWindowToFourHours() {
        let sla = FirstAttemptSLA(mqlAt: utc("2026-03-02T22:30:00Z"),
                                  highPrioritySignals: [signal("demo-request", "2026-03-02T20:00:00Z")])
        #expect(sla.windowHours == 4)
        #expect(sla.deadline == utc("2026-03-03T02:30:00Z"))   // across midnight
        #expect(sla.prioritySignal == "demo-request")
    }

    @Test func fourHourWindowAcrossAWeekend() {
        let sla = FirstAttemptSLA(mqlAt: utc("2026-03-06T21:00:00Z"),
                                  highPrioritySignals: [signal("demo-request", "2026-03-06T21:00:00Z")])
        #expect(sla.deadline == utc("2026-03-09T01:00:00Z"))
        #expect(sla.state(firstAttempt: nil, now: utc("2026-03-08T12:00:00Z")) == .open)   // Sunday: Monday's deadline
        #expect(sla.state(firstAttempt: nil, now: utc("2026-03-09T00:30:00Z")) == .due)
        #expect(sla.state(firstAttempt: nil, now: utc("2026-03-09T01:00:01Z")) == .breached)
        #expect(sla.state(firstAttempt: utc("2026-03-09T00:59:00Z"), now: utc("2026-03-10T00:00:00Z")) == .met)
    }

    @Test func aHighSignalAfterMQLStartsItsOwnWindow() {
        let sla = FirstAttemptSLA(mqlAt: utc("2026-03-02T09:00:00Z"),
                                  highPrioritySignals: [signal("demo-request", "2026-03-02T14:00:00Z")])
        #expect(sla.deadline == utc("2026-03-02T18:00:00Z"))
        // A late high signal does not extend an earlier 24-hour deadline.
        let late = FirstAttemptSLA(mqlAt: utc("2026-03-02T09:00:00Z"),
                                   highPrioritySignals: [signal("demo-request", "2026-03-03T08:00:00Z")])
        #expect(late.deadline == utc("2026-03-03T09:00:00Z"))
        #expect(late.windowHours == 24)
    }

    @Test(arguments: [
        (nil as String?, "2026-03-02T10:00:00Z", SLAState.due),       // deadline later today
        (nil, "2026-03-01T10:00:00Z", .open),                         // deadline after that day
        (nil, "2026-03-02T13:00:00Z", .due),                          // exactly at the deadline: not yet breached
        (nil, "2026-03-02T13:00:01Z", .breached),
        ("2026-03-02T12:59:00Z", "2026-03-05T00:00:00Z", .met),
        ("2026-03-02T13:00:00Z", "2026-03-05T00:00:00Z", .met),        // at the deadline is in time
        ("2026-03-02T13:01:00Z", "2026-03-05T00:00:00Z", .breached),   // late, even once done
    ])
    func statesAgainstAFixedClock(done: String?, now: String, expected: SLAState) {
        #expect(SLAState.of(deadline: utc("2026-03-02T13:00:00Z"), doneAt: done.map(utc), now: utc(now)) == expected)
    }
}
