import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let callEnd = Command(CommandSpec(
        ["call", "end"],
        usage: "call end [LEAD] OUTCOME [--note TEXT] [--duration MIN] [--due TIME] [--reason CODE]",
        summary: "End the open call with its outcome; sets the follow-up",
        example: "call end meeting-booked --note \"demo with the value analysis committee\"",
        group: .calls, arguments: 1...2,
        options: [OptionSpec("--note", "TEXT"), OptionSpec("--duration", "MIN"), OptionSpec("--due", "TIME"),
                  OptionSpec("--reason", "CODE", completion: .values(ReasonCode.self))],
        completing: [.lead, .values(CallOutcome.self)]
    )) { inv, session in
        let outcome = try CallArguments.outcome(in: inv.arguments, command: "call end")
        let (lead, _) = try session.leadAndRest(inv.arguments, required: 1)
        let effect = outcome.effect
        guard let open = try session.store.openCall(lead: lead.id) else {
            throw DiscoveryError.failed("\(lead.label) has no open call: start one with 'call start', or log a finished call with 'call \(outcome.rawValue)'")
        }
        let now = session.now()
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let minutes = Int((now.timeIntervalSince(open.at) / 60).rounded())
        let duration = try inv.option("--duration").map(CallArguments.duration) ?? min(max(0, minutes), CallArguments.longestCallMinutes)
        let reason = try inv.option("--reason").map(ReasonCode.parse)
        let stageChange = try CallArguments.stageChange(for: effect, reason: reason, note: note, lead: lead)
        let requested = try inv.option("--due").map { try CallArguments.dueTime($0, after: now, now: now) }
        if requested != nil && effect.followUp == .stageChange {
            throw DiscoveryError.failed("--due does not go with \(outcome.rawValue): the lead leaves active selling, nothing follows up")
        }
        let ended = try session.store.endCall(
            id: open.id, outcome: outcome, note: note, durationMinutes: duration,
            followUpDue: effect.followUpDue(after: now, requested: requested),
            stageChange: stageChange, actor: session.user, at: now)
        try CallReport.printLogged(ended, lead: lead, stageChange: stageChange, session: session)
        // A call is activity: it can lift the inactivity decay and so make a `new` lead an MQL.
        session.refreshQualification(lead.id)
    }
}
