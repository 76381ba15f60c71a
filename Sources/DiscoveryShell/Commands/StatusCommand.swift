import DiscoveryCore
import DiscoveryExport

extension Command {
    static let status = Command(CommandSpec(
        ["status"],
        usage: "status [LEAD] [--json]",
        summary: "Stage, fit / intent / readiness with bands, SQL gates, hard stops, flags, MQL and the SQL verdict",
        example: "status L7",
        group: .verdicts, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let q = try session.qualification(lead)
        if inv.flag("--json") {
            session.print(StatusJSON(q, model: session.modelVersion).text)
            return
        }
        let v = q.verdict
        let s = session.style
        session.print(s.bold("\(lead.label) \(lead.org)"))
        session.print(VerdictText.field("stage", lead.stage.rawValue + (lead.stageReason.map { " (\($0.rawValue))" } ?? "")))
        session.print(VerdictText.field("profile", q.profile.id))
        session.print(VerdictText.field("verdict", VerdictText.verdictLine(q)))
        session.print(VerdictText.field("mql", (v.mql ? "yes: " : "no: ") + v.mqlReason))
        if !v.mql && MQLStanding.acceptedStages.contains(lead.stage) {
            session.print(VerdictText.field("mql note", "no longer meets the MQL rule; accepted by sales, so it stays at \(lead.stage.rawValue)"))
        }
        if let mark = lead.requalify {
            session.print(VerdictText.field("requalify", "\(mark.trigger), since \(CallTime.text(mark.at)); due by \(CallTime.text(Requalification.due(mark))) ('requalify done' clears it)"))
        }
        for kind in ScoreKind.allCases {
            session.print(VerdictText.field(kind.rawValue, VerdictText.score(v, kind)))
        }
        session.print(VerdictText.field("hard stops", v.hardStops.isEmpty ? "none"
            : v.hardStops.map { "\($0.reason.rawValue) (\($0.source.description))" }.joined(separator: "; ")))
        session.print(VerdictText.field("flags", v.flagNames.isEmpty ? "none" : v.flagNames.joined(separator: ", ")))
        session.print(VerdictText.field("next step", VerdictText.nextStep(q.record.nextStep)))
        let engagement = Engagement(contacts: q.record.contacts, signals: q.record.signals)
        if !engagement.engaged.isEmpty { session.print(VerdictText.field("engaged", engagement.summary)) }
        session.print("  gates")
        for gate in v.gates {
            session.print("    " + VerdictText.gateLine(gate, explain: false))
        }
        if !v.askNext.isEmpty {
            let shown = v.askNext.prefix(3).map(\.question).joined(separator: ", ")
            let more = v.askNext.count > 3 ? " (+\(v.askNext.count - 3) more: 'next')" : ""
            session.print(VerdictText.field("ask next", shown + more))
        }
    }
}
