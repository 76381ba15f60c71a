import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let signalAdd = Command(CommandSpec(
        ["signal", "add"],
        usage: "signal add [LEAD] KIND [--contact NAME] [--note TEXT]",
        summary: "Record an engagement signal from marketing (demo-request, webinar-attended, ...)",
        example: "signal add demo-request --note \"Form on the robotics page\"",
        group: .discovery, arguments: 1...2,
        options: [OptionSpec("--contact", "NAME", completion: .contact), OptionSpec("--note", "TEXT")],
        completing: [.signal]
    )) { inv, session in
        let (lead, rest) = try session.leadAndRest(inv.arguments, required: 1)
        let definition = try SignalKind.resolve(rest[0], in: session.catalog)
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let contact = try inv.option("--contact").map { name throws(DiscoveryError) in try SignalKind.contact(name, of: lead, session: session) }
        let event = SignalEvent(leadId: lead.id, kind: definition.id, note: note, actor: session.user, at: session.now(),
                                contact: contact?.name)
        try session.store.addSignal(event, actor: session.user)
        let points = SignalKind.points(definition.score)
        let priority = definition.priority == .high ? ", high priority" : ""
        let from = contact.map { " from \($0.name)" } ?? ""
        session.print("\(lead.label): \(definition.id) (\(definition.label))\(from)\(points.isEmpty ? "" : " \(points)")\(priority)")
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

    /// The lead's contact a signal names (case-insensitive); fails naming the lead's contacts.
    static func contact(_ name: String, of lead: Lead, session: Session) throws(DiscoveryError) -> Contact {
        let text = try Validation.text(name, name: "--contact")
        let contacts = try session.store.contacts(lead: lead.id)
        if let found = contacts.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) { return found }
        let names = contacts.map(\.name)
        let known = names.isEmpty ? " (it has none yet)" : ".\(Suggestion.hint(for: text, in: names)) Contacts: \(names.joined(separator: ", "))"
        throw .failed("\(lead.label) has no contact named '\(text)'\(known); add them with 'contact add \"\(text)\"'")
    }

    /// `+50 intent`, `-20 intent, +5 fit`; empty when the signal carries no points.
    static func points(_ score: ScoreDelta) -> String {
        ScoreKind.allCases.filter { score[$0] != 0 }
            .map { "\(score[$0] > 0 ? "+" : "")\(score[$0]) \($0.rawValue)" }
            .joined(separator: ", ")
    }
}
