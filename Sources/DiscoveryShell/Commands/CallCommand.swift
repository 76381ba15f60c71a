import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let call = Command(CommandSpec(
        ["call"],
        usage: "call [LEAD] OUTCOME [--note TEXT] [--duration MIN] [--at TIME] [--due TIME] [--reason CODE] [--contact NAME] [--override WHY]",
        summary: "Log one call and its outcome in one line; sets the follow-up",
        example: "call L7 voicemail --note \"left a message with the OR manager\" --duration 2",
        group: .calls, arguments: 1...2,
        options: [OptionSpec("--note", "TEXT"), OptionSpec("--duration", "MIN"), OptionSpec("--at", "TIME"),
                  OptionSpec("--due", "TIME"), OptionSpec("--reason", "CODE", completion: .values(ReasonCode.self)),
                  OptionSpec("--contact", "NAME", completion: .contact), OptionSpec("--override", "WHY")],
        completing: [.lead, .values(CallOutcome.self)]
    )) { inv, session in
        let outcome = try CallArguments.outcome(in: inv.arguments, command: "call")
        let (lead, _) = try session.leadAndRest(inv.arguments, required: 1)
        let effect = outcome.effect
        let now = session.now()
        let at = try inv.option("--at").map { try CallArguments.pastTime($0, now: now) } ?? now
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let duration = try inv.option("--duration").map(CallArguments.duration)
        let reason = try inv.option("--reason").map(ReasonCode.parse)
        let stageChange = try CallArguments.stageChange(for: effect, reason: reason, note: note, lead: lead)
        let requested = try inv.option("--due").map { try CallArguments.dueTime($0, after: at, now: now) }
        if requested != nil && effect.followUp == .stageChange {
            throw DiscoveryError.failed("--due does not go with \(outcome.rawValue): the lead leaves active selling, nothing follows up")
        }
        let contact = try inv.option("--contact").map { try session.contact(named: $0, of: lead) }
        let override = try CallArguments.consentOverride(
            lead: lead, contact: contact, override: try inv.option("--override").map { try Validation.text($0, name: "--override") },
            session: session)

        let logged = try session.store.logCall(
            Call(leadId: lead.id, outcome: outcome, note: note, durationMinutes: duration, at: at, actor: session.user,
                 followUpDue: effect.followUpDue(after: at, requested: requested), contactId: contact?.id, consentOverride: override),
            stageChange: stageChange, actor: session.user, at: now)
        try CallReport.printLogged(logged, lead: lead, stageChange: stageChange, session: session)
    }
}

/// What `call` and `call end` print after a call is recorded.
enum CallReport {
    static func printLogged(_ call: Call, lead: Lead, stageChange: CallStageChange?, session: Session) throws(DiscoveryError) {
        guard let outcome = call.outcome else { return }
        let effect = outcome.effect
        let attempts = try session.store.calls(lead: lead.id).filter { $0.outcome?.effect.countsAsAttempt == true }.count
        session.print("\(CallArguments.name(lead)): \(outcome.rawValue) logged (attempt \(attempts), \(effect.connected ? "connected" : "not connected")).")
        if let stageChange {
            session.print("Stage: \(lead.stage.rawValue) → \(stageChange.stage.rawValue)\(stageChange.reason.map { " (\($0.rawValue))" } ?? "").")
        }
        if let line = CallArguments.followUpLine(effect, due: call.followUpDue) { session.print(line) }
        if call.consentOverride != nil { session.print("Consent override recorded in the audit log.") }
        // A call is activity: it can lift the inactivity decay and so make a `new` lead an MQL.
        session.refreshQualification(lead.id)
    }
}
