import DiscoveryCore
import DiscoveryExport

extension Command {
    static let next = Command(CommandSpec(
        ["next"],
        usage: "next [LEAD] [--json]",
        summary: "Recommended next steps with their reasons, owner and due date, and the questions to ask next",
        example: "next L7",
        group: .verdicts, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let q = try session.qualification(lead)
        let recs = session.recommendations(q)
        if inv.flag("--json") {
            session.print(JSONText.encode(NextJSON(recs, askNext: q.verdict.askNext)))
            return
        }
        session.print(session.style.bold("\(lead.label) \(lead.org): next"))
        if recs.isEmpty && lead.stage.isClosed {
            let reason = lead.stageReason.map { " (\($0.rawValue))" } ?? ""
            session.print("  nothing to do: \(lead.label) is \(lead.stage.rawValue)\(reason); 'stage \(lead.label) nurture' (or another stage) works it again")
        }
        for (i, rec) in recs.enumerated() {
            let reason = rec.reason.map { " (reason \($0.rawValue))" } ?? ""
            session.print("  \(i + 1). \(rec.action.rawValue)\(reason), owner \(rec.owner), due \(Dates.day(rec.due))")
            for line in rec.because {
                session.print("     because: \(line)")
            }
        }
        session.print("current next step: " + VerdictText.nextStep(q.record.nextStep))
        session.print("ask next" + (q.verdict.askNext.isEmpty ? ": nothing left to ask" : ""))
        for (i, item) in q.verdict.askNext.enumerated() {
            session.print("  \(i + 1). " + VerdictText.askLine(item))
        }
    }
}
