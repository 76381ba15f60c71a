import Foundation
import Testing
@testable import DiscoveryCore

/// `docs/calls-and-sla.md` shows the outcome table the code runs on: this keeps them the same.
@Suite struct CallsDocTests {
    @Test func docsShowTheOutcomeTable() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/calls-and-sla.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let rows = OutcomeEffect.table.map { e in
            "| `\(e.outcome.rawValue)` | \(e.countsAsAttempt ? "yes" : "no") | \(e.connected ? "yes" : "no") | \(e.followUpRuleText) |"
        }
        let table = (["| outcome | counts as attempt | connected | default follow-up |", "| --- | --- | --- | --- |"] + rows)
            .joined(separator: "\n")
        #expect(text.contains(table))
        #expect(text.contains("\(FirstAttemptSLA.standardHours) business hours"))
        #expect(text.contains("\(FirstAttemptSLA.priorityHours) business hours"))
    }
}
