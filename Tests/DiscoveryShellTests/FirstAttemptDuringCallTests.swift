import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// A lead that becomes an MQL while the rep is on the phone with it has had its first attempt.
@Suite struct FirstAttemptDuringCallTests {
    /// A consumables lead (MQL total 40) with a webinar (intent 15): the two fit answers
    /// (fit 30) make it an MQL at 09:06.
    func shellWithLead() throws -> CallShell {
        let t = try CallShell(now: "2026-03-02T09:00:00Z", catalog: VerdictCatalog.catalog)
        t.run("lead new 'Heartland IDN' --profile consumables --consent yes")
        t.run("signal add webinar-attended")
        return t
    }

    func answerIntoMQL(_ t: CallShell) {
        t.clock.set("2026-03-02T09:05:00Z")
        t.run("answer fit.specialty ortho")
        t.clock.set("2026-03-02T09:06:00Z")
        let r = t.output("answer fit.org-type hospital")
        #expect(r.out.contains("L1 is now an MQL"), "\(r.out)")
    }

    func slaCounts(_ t: CallShell) throws -> (met: Int, breached: Int) {
        let json = try JSONSerialization.jsonObject(with: Data(t.output("report sla --json").out.utf8)) as? [String: Any]
        let total = try #require((json?["sla"] as? [String: Any])?["total"] as? [String: Any])
        return (total["met"] as? Int ?? -1, total["breached"] as? Int ?? -1)
    }

    func firstAttemptsDue(_ t: CallShell) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(t.output("due --json").out.utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        return items.filter { $0["kind"] as? String == "first-attempt" }.compactMap { $0["lead"] as? String }
    }

    @Test func aCallOpenAtTheMQLMomentIsTheFirstAttempt() throws {
        let t = try shellWithLead()
        t.run("call start")
        answerIntoMQL(t)
        t.clock.set("2026-03-02T09:20:00Z")
        t.run("call end connected")
        t.clock.set("2026-03-05T09:00:00Z")   // long past the 24-hour window
        #expect(try firstAttemptsDue(t).isEmpty)
        let counts = try slaCounts(t)
        #expect(counts.met == 1 && counts.breached == 0, "\(counts)")
    }

    @Test func aCallStillOpenCountsToo() throws {
        let t = try shellWithLead()
        t.run("call start")
        answerIntoMQL(t)
        t.clock.set("2026-03-05T09:00:00Z")
        #expect(try firstAttemptsDue(t).isEmpty)
        #expect(try slaCounts(t).met == 1)
    }

    @Test func aOneLineCallWhoseSpanCoversTheMQLMomentCounts() throws {
        let t = try shellWithLead()
        answerIntoMQL(t)
        t.clock.set("2026-03-02T09:30:00Z")
        t.run("call connected --at 2026-03-02T09:00 --duration 20")
        t.clock.set("2026-03-05T09:00:00Z")
        #expect(try firstAttemptsDue(t).isEmpty)
        #expect(try slaCounts(t).met == 1)
    }

    @Test func aCallThatEndedBeforeTheMQLMomentIsNotTheFirstAttempt() throws {
        let t = try shellWithLead()
        t.run("call start")
        t.clock.set("2026-03-02T09:02:00Z")
        t.run("call end voicemail")
        answerIntoMQL(t)
        t.clock.set("2026-03-05T09:00:00Z")
        #expect(try firstAttemptsDue(t) == ["L1"])
        #expect(try slaCounts(t).breached == 1)
    }
}
