import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct CallBadInputTests {
    /// Each bad line fails with exit 1, says what was wrong, and changes nothing.
    @Test(arguments: [
        ("call voicemial", "unknown outcome 'voicemial'. Did you mean 'voicemail'?"),
        ("call L1 no-anser", "unknown outcome 'no-anser'. Did you mean 'no-answer'?"),
        ("call L1", "'call L1' needs an outcome: call L1 OUTCOME. Outcomes: connected, meeting-booked,"),
        ("call end L1", "'call end L1' needs an outcome: call end L1 OUTCOME."),
        ("call voicemail --at 09:30", "--at 2026-03-02 09:30 is in the future (now 2026-03-02 09:00 UTC)"),
        ("call voicemail --at 2026-03-03T08:00:00Z", "is in the future"),
        ("call voicemail --at 'last tuesday'", "invalid --at 'last tuesday': expected a time"),
        ("call voicemail --at 25:00", "invalid --at '25:00'"),
        ("call voicemail --duration -5", "invalid --duration '-5': expected whole minutes, 0 or more"),
        ("call voicemail --duration 2.5", "invalid --duration '2.5'"),
        ("call voicemail --duration 5000", "a call lasts at most 1440 minutes"),
        ("call voicemail --reason no-budget", "--reason goes with not-interested only"),
        ("call not-interested --reason no-budgte", "unknown reason code 'no-budgte'. Did you mean 'no-budget'? Reason codes: "),
        ("call not-interested --reason other", "reason 'other' needs --note"),
        ("call not-interested --due 2026-03-05", "--due does not go with not-interested"),
        ("call busy --due 08:00", "--due 2026-03-02 08:00 is not after the call"),
        ("call busy --due soon", "invalid --due 'soon'"),
        ("call busy --note ''", "--note is empty"),
        ("call busy --contact Nobody", "L1 has no contact 'Nobody'"),
        ("call L9 busy", "no lead L9"),
        ("call end voicemail", "L1 has no open call"),
        ("call end voicemial", "unknown outcome 'voicemial'"),
        ("calls L9", "no lead L9"),
        ("due --owner ''", "--owner is empty"),
        ("report pipelin", "unknown report 'pipelin'. Did you mean 'pipeline'?"),
        ("report sla --since 2026-13-01", "invalid --since: 2026-13-01 does not exist: there is no month 13"),
        ("report sla --since 2026-1-01", "invalid --since '2026-1-01': expected a day, YYYY-MM-DD"),
    ])
    func refusedWithExitOneAndNothingChanged(line: String, message: String) throws {
        let t = try CallShell()
        t.run("lead new Acme")
        let audit = try t.auditCount()
        let r = t.output(line)
        #expect(r.code == 1)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(try t.store.calls(lead: 1).isEmpty)
        #expect(try t.auditCount() == audit)
        #expect(try t.store.lead(id: 1)?.stage == .new)
    }

    /// Every command: a missing argument and one too many are usage errors (exit 2); the right count works.
    @Test(arguments: [
        ("call", 2), ("call L1 voicemail", 0), ("call L1 voicemail extra", 2),
        ("call start L1 extra", 2), ("call start L1", 0),
        ("call end", 2), ("call end L1 voicemail extra", 2),
        ("calls L1 extra", 2), ("calls L1", 0),
        ("due extra", 2), ("due", 0),
        ("report", 2), ("report sla", 0), ("report sla extra", 2),
        ("call L1 voicemail --bogus", 2), ("call L1 voicemail --note", 2),
    ])
    func argumentCounts(line: String, code: Int32) throws {
        let t = try CallShell()
        t.run("lead new Acme")
        let r = t.output(line)
        #expect(r.code == code, "\(line): \(r.err)")
        if code == 2 { #expect(r.err.contains("Usage:") || r.err.contains("needs a value"), "\(r.err)") }
    }

    @Test func callEndWithTheRightCountEndsTheOpenCall() throws {
        let t = try CallShell()
        t.run("lead new Acme")
        t.run("call start")
        #expect(t.output("call end L1 voicemail").code == 0)
    }
}
