import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `audit` without `--limit` reads the log twice entry by entry (measure, then write) and keeps
/// none of it: its table is the one made from the whole log held, which `--limit N` still
/// makes from the N newest entries it keeps (the golden transcripts pin that one's text). So
/// the whole log, or one lead's, must read the same as with a limit that takes every entry.
@Suite struct AuditCommandTests {
    @Test func theWholeLogReadTwiceIsTheTableOfEveryEntryHeld() throws {
        let t = try PipelineFixture.build()
        t.at("2026-03-02T09:30:00Z", "reject L2 --reason wrong-org-type --note 'an affiliate, not a buyer'")
        t.run("undo")
        let all = try t.store.audit().count
        #expect(all > 40)
        let whole = t.output("audit --all")
        #expect(whole.code == 0 && whole.err.isEmpty)
        #expect(whole.out.split(separator: "\n").count == all + 1)
        #expect(whole.out == t.output("audit --all --limit \(all)").out)
        #expect(whole.out == t.output("audit --all --limit \(all + 5)").out)
        for lead in ["L1", "L2", "L5"] {
            let one = t.output("audit \(lead)")
            #expect(one.code == 0 && one.out == t.output("audit \(lead) --limit 1000").out, "\(lead)")
            #expect(one.out.split(separator: "\n").count == (try t.store.audit(lead: Int64(lead.dropFirst())!).count) + 1)
        }
    }

    @Test func anEmptyLogSaysSo() throws {
        let t = try CallShell()
        #expect(t.output("audit --all").out == "The audit log is empty.\n")
        t.run("lead new 'Mercy Regional'")
        #expect(t.output("audit --all --limit 0").out == "The audit log is empty.\n")
        #expect(t.output("audit --all").out.split(separator: "\n").count == 2)
    }
}
