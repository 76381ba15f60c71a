import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let why = Command(CommandSpec(
        ["why"],
        usage: "why [LEAD]",
        summary: "Every point and every gate traced to the answer, choice or signal behind it",
        example: "why L7",
        group: .verdicts, arguments: 0...1, completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let q = try session.qualification(lead)
        let v = q.verdict
        session.print(session.style.bold("\(lead.label) \(lead.org): why"))
        for kind in ScoreKind.allCases {
            let lines = v.trace.filter { $0.kind == kind }
            session.print("\(kind.rawValue) = \(VerdictText.score(v, kind))")
            if lines.isEmpty { session.print("  (no points)") }
            for line in lines {
                let points = line.points > 0 ? "+\(line.points)" : "\(line.points)"
                session.print("  \(points.padding(toLength: 5, withPad: " ", startingAt: 0))\(line.source.description)")
            }
        }
        session.print("gates (\(q.profile.id))")
        for gate in v.gates {
            session.print("  " + VerdictText.gateLine(gate, explain: true))
        }
        session.print("hard stops" + (v.hardStops.isEmpty ? ": none" : ""))
        for stop in v.hardStops {
            session.print("  \(stop.reason.rawValue): \(stop.source.description)")
        }
        session.print("flags" + (v.flags.isEmpty ? ": none" : ""))
        for flag in v.flags {
            session.print("  \(flag.name): \(flag.source.description)")
        }
        session.print("mql: " + (v.mql ? "yes: " : "no: ") + v.mqlReason)
        session.print("verdict: " + VerdictText.verdictLine(q))
    }
}
