import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

extension Command {
    static let calls = Command(CommandSpec(
        ["calls"],
        usage: "calls [LEAD] [--json]",
        summary: "The lead's call history, oldest first, with each follow-up",
        example: "calls L7",
        group: .calls, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let calls = try session.store.calls(lead: lead.id)
        let answers = try session.store.answerCounts(lead: lead.id)
        if inv.flag("--json") {
            session.print(JSONText.encode(calls.map { CallJSON($0, lead: lead, answers: answers[$0.id] ?? 0) }))
            return
        }
        guard !calls.isEmpty else {
            session.print("\(CallArguments.name(lead)): no calls yet. Log one with 'call OUTCOME'.")
            return
        }
        let attempts = calls.filter { $0.outcome?.effect.countsAsAttempt == true }
        let connected = attempts.filter { $0.outcome?.effect.connected == true }
        session.print("\(CallArguments.name(lead)): \(attempts.count) attempt\(attempts.count == 1 ? "" : "s"), \(connected.count) connected")
        let rows = calls.map { c in
            [CallTime.text(c.at), c.outcome?.rawValue ?? "(open)", c.durationMinutes.map { "\($0)" } ?? "-",
             "\(answers[c.id] ?? 0)", c.actor, c.followUpDue.map(CallTime.text) ?? "-", c.note ?? ""]
        }
        session.out.write(TextTable.render(["WHEN (UTC)", "OUTCOME", "MIN", "ANS", "BY", "FOLLOW-UP DUE", "NOTE"], rows))
    }
}

/// One call in `calls --json`.
struct CallJSON: Encodable {
    var id: Int64
    var lead: String
    @NullEncoded var outcome: String?
    var countsAsAttempt: Bool
    var connected: Bool
    @NullEncoded var note: String?
    @NullEncoded var durationMin: Int?
    var at: Date
    @NullEncoded var endedAt: Date?
    /// Answer revisions captured during the call (`call start` … `call end`).
    var answers: Int
    var actor: String
    @NullEncoded var followUp: String?
    @NullEncoded var followUpDue: Date?
    @NullEncoded var contactId: Int64?
    @NullEncoded var consentOverride: String?

    init(_ c: Call, lead: Lead, answers: Int) {
        id = c.id
        self.lead = lead.label
        outcome = c.outcome?.rawValue
        countsAsAttempt = c.outcome?.effect.countsAsAttempt ?? false
        connected = c.outcome?.effect.connected ?? false
        note = c.note
        durationMin = c.durationMinutes
        at = c.at
        endedAt = c.endedAt
        self.answers = answers
        actor = c.actor
        followUp = c.followUpDue == nil ? nil : c.outcome?.effect.followUpText
        followUpDue = c.followUpDue
        contactId = c.contactId
        consentOverride = c.consentOverride
    }
}
