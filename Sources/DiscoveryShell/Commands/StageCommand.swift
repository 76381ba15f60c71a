import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let stage = Command(CommandSpec(
        ["stage"],
        usage: "stage [LEAD] STAGE [--reason CODE] [--note TEXT] [--override WHY]",
        summary: "Move a lead to another stage; sql needs every gate met and no hard stop (or --override, audited)",
        example: "stage L7 disqualified --reason no-budget",
        group: .verdicts, arguments: 1...2,
        options: [OptionSpec("--reason", "CODE", completion: .values(ReasonCode.self)), OptionSpec("--note", "TEXT"),
                  OptionSpec("--override", "WHY")],
        completing: [.lead, .values(Stage.self)]
    )) { inv, session in
        let (lead, rest) = try session.leadAndRest(inv.arguments, required: 1)
        let stage = try Stage.parse(rest[0])
        let reason = try inv.option("--reason").map(ReasonCode.parse)
        var note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let override = try inv.option("--override").map { try Validation.text($0, name: "--override") }
        if stage.requiresReason && reason == nil {
            let codes = ReasonCode.words.joined(separator: ", ")
            throw DiscoveryError.failed("moving \(lead.label) to \(stage.rawValue) needs --reason CODE (\(codes))")
        }
        if reason?.requiresNote == true && note == nil {
            throw DiscoveryError.failed("reason 'other' needs --note TEXT saying why")
        }
        if override != nil && stage != .sql {
            throw DiscoveryError.failed("--override only applies to a move to sql with gates missing or hard stops")
        }
        if stage == .sql {
            let verdict = try session.qualification(lead).verdict
            var blockers: [String] = []
            if !verdict.missingGates.isEmpty { blockers.append("gates missing: \(verdict.missingGates.joined(separator: ", "))") }
            if !verdict.hardStops.isEmpty {
                blockers.append("hard stops: \(verdict.hardStopReasons.map(\.rawValue).joined(separator: ", "))")
            }
            if !blockers.isEmpty {
                guard let override else {
                    throw DiscoveryError.failed("\(lead.label) cannot move to sql: \(blockers.joined(separator: "; ")). 'status' shows what each needs; or move anyway with --override \"why\"")
                }
                // The override and what it overrode are kept in the stage note, which the audit records.
                let overridden = "override (\(blockers.joined(separator: "; "))): \(override)"
                note = note.map { "\($0); \(overridden)" } ?? overridden
            } else if override != nil {
                session.warn("nothing to override: every gate of \(lead.label) is met")
            }
        }
        if stage == lead.stage && reason == lead.stageReason && note == lead.stageNote {
            throw DiscoveryError.failed("\(lead.label) is already at \(stage.rawValue)")
        }
        let moved = try session.store.changeStage(lead: lead.id, to: stage, reason: reason, note: note,
                                                  actor: session.user, at: session.now())
        var line = "\(lead.label) stage: \(lead.stage.rawValue) → \(moved.stage.rawValue)"
        if let reason { line += " (\(reason.rawValue))" }
        session.print(line)
    }
}
