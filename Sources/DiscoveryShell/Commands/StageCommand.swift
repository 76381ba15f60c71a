import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let stage = Command(CommandSpec(
        ["stage"],
        usage: "stage [LEAD] STAGE [--reason CODE] [--note TEXT] [--override WHY]",
        summary: "Move a lead to another stage; sql needs the verdict sql-ready (or --override, audited)",
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
            throw DiscoveryError.failed("--override only applies to a move to sql that is not sql-ready")
        }
        if stage == .sql {
            let q = try session.qualification(lead)
            // Moving to sql needs the verdict sql-ready: every gate, the minimum fit, no hard stop.
            let blockers = q.verdict.sqlBlockers(minFit: q.profile.sql.minFit).map(\.description)
            if !blockers.isEmpty {
                guard let override else {
                    throw DiscoveryError.failed("\(lead.label) cannot move to sql: \(blockers.joined(separator: "; ")). 'status' shows what each needs; or move anyway with --override \"why\"")
                }
                // The override and what it overrode are kept in the stage note, which the audit records.
                let overridden = "override (\(blockers.joined(separator: "; "))): \(override)"
                note = note.map { "\($0); \(overridden)" } ?? overridden
            } else if override != nil {
                session.warn("nothing to override: \(lead.label) is sql-ready")
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
        session.routeAfterManualMQL(moved)
    }
}
