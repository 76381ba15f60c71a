import DiscoveryCore
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

@Suite struct DueCommandTests {
    @Test func overdueFirstThenDueTodayWithSLAState() throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let r = t.output("due")
        #expect(r.code == 0, "\(r.err)")
        Golden.check(r.out, "due.txt")
        let json = try JSONSerialization.jsonObject(with: Data(t.output("due --json").out.utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        // Overdue: L6's first call (since 02-25 09:00), then L10's open technical review is skipped (nurture keeps
        // steps), ...; due today: L4 by 10:00, L5's retry by 12:00, L2 by 16:00, L1's demo by the day's end.
        let order = items.map { "\($0["lead"] as? String ?? "?") \($0["kind"] as? String ?? "?") \($0["sla_state"] as? String ?? "?")" }
        #expect(order == [
            "L6 first-attempt breached",
            "L10 next-step breached",
            "L4 first-attempt due",
            "L5 retry due",
            "L2 first-attempt due",
            "L1 next-step due",
        ])
        #expect(items.first?["overdue"] as? Bool == true)
    }

    @Test func onlyEachLeadsLatestCallAsksForARetryAndTheLaterIdWinsATie() throws {
        let t = try CallShell(now: "2026-03-02T09:00:00Z", user: "sam")
        t.run("lead new 'Mercy Regional' --consent yes")
        t.run("lead new 'Harbor IDN' --consent yes")
        // L1: a voicemail, then (same minute, later row) not interested: nothing to follow up.
        try t.call(1, .voicemail, by: "sam", at: "2026-02-26T10:00:00Z")
        try t.call(1, .notInterested, by: "sam", at: "2026-02-26T10:00:00Z")
        // L2: not interested, then a voicemail in the same minute: the voicemail's retry is due.
        try t.call(2, .notInterested, by: "sam", at: "2026-02-26T10:00:00Z")
        try t.call(2, .voicemail, by: "sam", at: "2026-02-26T10:00:00Z")
        let json = try JSONSerialization.jsonObject(with: Data(t.output("due --json").out.utf8)) as? [String: Any]
        let retries = (json?["items"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "retry" }
        #expect(retries.compactMap { $0["lead"] as? String } == ["L2"])
    }

    @Test func anOwnersListIsTheWholeListNarrowedToThem() throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-03T11:00:00Z")
        func items(_ command: String) throws -> [String] {
            let json = try JSONSerialization.jsonObject(with: Data(t.output(command).out.utf8)) as? [String: Any]
            return (json?["items"] as? [[String: Any]] ?? []).map {
                "\($0["lead"] as? String ?? "?") \($0["kind"] as? String ?? "?") \($0["owner"] as? String ?? "-")"
            }
        }
        let all = try items("due --json")
        let owners = Set(all.map { String($0.split(separator: " ")[2]) }).subtracting(["-"])
        #expect(owners.count >= 2, "\(all)")
        for owner in owners.sorted() {
            #expect(try items("due --owner \(owner) --json") == all.filter { $0.hasSuffix(" \(owner)") })
        }
    }

    @Test func ownerFilterAndLaterClock() throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let ana = try JSONSerialization.jsonObject(with: Data(t.output("due --owner ana --json").out.utf8)) as? [String: Any]
        let leads = (ana?["items"] as? [[String: Any]])?.compactMap { $0["lead"] as? String }
        #expect(leads == ["L6", "L10", "L4", "L5"])
        #expect(t.output("due --owner nobody").out == "Nothing due today or overdue for nobody.\n")
        // At 10:30 L4's 4-hour SLA is breached; after a call it leaves the list.
        t.clock.set("2026-03-02T10:30:00Z")
        let later = t.output("due --owner ana")
        #expect(later.out.contains("""
              L4 Harbor IDN: first call (4 h SLA, demo-request)
                breached: due 2026-03-02 10:00 (30m ago), since 2026-03-02 06:00, owner ana
            """), "\(later.out)")
        // sam reaches them: the first call is done; recording the next step is due a business day later.
        t.run("call L4 connected")
        #expect(!t.output("due").out.contains("L4 Harbor IDN"))
        t.clock.set("2026-03-03T11:00:00Z")
        #expect(t.output("due --owner sam").out.contains("""
              L4 Harbor IDN: record the next step
                breached: due 2026-03-03 10:30 (30m ago), since 2026-03-02 10:30, owner sam
            """))
        // Once a next step exists, the step is what is due.
        try t.nextStep(4, .demo, owner: "ana", due: "2026-03-03T00:00:00Z", setAt: "2026-03-03T10:45:00Z")
        let now = t.output("due").out
        #expect(!now.contains("L4 Harbor IDN: record the next step"))
        #expect(now.contains("""
              L4 Harbor IDN: demo
                due 2026-03-03 (in 12h 59m), since 2026-03-03 10:45, owner ana
            """), "\(now)")
    }

    @Test func interactiveStartSaysHowManyAreDueForTheUser() throws {
        let t = try PipelineFixture.build(user: "sam")
        t.clock.set("2026-03-02T09:00:00Z")
        t.session.reader = ScriptedLineReader([], interactive: true)
        t.out.reset()
        #expect(t.shell.runInteractive() == 0)
        #expect(t.out.text.hasPrefix("2 follow-ups due today or overdue for sam: type 'due --owner sam'.\n"), "\(t.out.text)")
        // Script mode and one-shot commands print no such line.
        t.out.reset()
        t.session.reader = ScriptedLineReader(lines: ["lead list --owner nobody"], interactive: false)
        #expect(t.shell.runScript(keepGoing: false) == 0)
        #expect(!t.out.text.contains("follow-up"))
        t.out.reset()
        #expect(t.shell.execute(words: ["lead", "list", "--owner", "nobody"]) == 0)
        #expect(!t.out.text.contains("follow-up"))
    }

    @Test func interactiveStartWithNothingDue() throws {
        let t = try CallShell(input: [], interactive: true)
        #expect(t.shell.runInteractive() == 0)
        #expect(t.out.text == "No follow-ups due today for sam.\n")
    }
}
