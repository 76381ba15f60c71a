import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let signalAdd = Command(CommandSpec(
        ["signal", "add"],
        usage: "signal add [LEAD] KIND [--note TEXT]",
        summary: "Record an engagement signal from marketing (demo-request, webinar-attended, ...)",
        example: "signal add demo-request --note \"Form on the robotics page\"",
        group: .discovery, arguments: 1...2,
        options: [OptionSpec("--note", "TEXT")],
        completing: [.signal]
    )) { inv, session in
        let (lead, rest) = try session.leadAndRest(inv.arguments, required: 1)
        let definition = try SignalKind.resolve(rest[0], in: session.catalog)
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let event = SignalEvent(leadId: lead.id, kind: definition.id, note: note, actor: session.user, at: session.now())
        try session.store.addSignal(event, actor: session.user)
        let points = SignalKind.points(definition.score)
        let priority = definition.priority == .high ? ", high priority" : ""
        session.print("\(lead.label): \(definition.id) (\(definition.label))\(points.isEmpty ? "" : " \(points)")\(priority)")
        session.refreshQualification(lead.id)
        session.checkRequalification(lead.id, .signal(kind: definition.id, requalify: definition.requalify))
    }
}

/// Signal kinds typed by a user, checked against `signals.yaml`.
enum SignalKind {
    static func resolve(_ token: String, in catalog: Catalog) throws(DiscoveryError) -> SignalDefinition {
        if let s = catalog.signal(token) ?? catalog.signal(token.lowercased()) { return s }
        let ids = catalog.signals.map(\.id)
        guard !ids.isEmpty else {
            throw .failed("unknown signal kind '\(token)': no signal kinds are defined (signals.yaml in the question sets)")
        }
        throw .failed("unknown signal kind '\(token)'.\(Suggestion.hint(for: token, in: ids)) Kinds: \(ids.joined(separator: ", "))")
    }

    /// `+50 intent`, `-20 intent, +5 fit`; empty when the signal carries no points.
    static func points(_ score: ScoreDelta) -> String {
        ScoreKind.allCases.filter { score[$0] != 0 }
            .map { "\(score[$0] > 0 ? "+" : "")\(score[$0]) \($0.rawValue)" }
            .joined(separator: ", ")
    }
}
