import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let handoff = Command(CommandSpec(
        ["handoff"],
        usage: "handoff [LEAD] [--format \(HandoffFormat.words.joined(separator: "|"))] [--out FILE] [--force]",
        summary: "The handoff note: who, what they need, where it stands, risks, the next step (Markdown or JSON)",
        example: "handoff L7 --out mercy-handoff.md",
        group: .output, arguments: 0...1,
        options: [OptionSpec("--format", "F", completion: .values(HandoffFormat.self)),
                  OptionSpec("--out", "FILE"), .flag("--force")],
        completing: [.lead]
    )) { inv, session in
        let format = try HandoffFormat.parse(inv.option("--format") ?? "md")
        let lead = try session.lead(inv.arguments.first)
        let q = try session.qualification(lead)
        // The rep's notes on questions (`/note`, `answer --note`): the note in force of each.
        let notes = Dictionary(try session.store.latestRevisions(lead: lead.id).compactMap { a in a.note.map { (a.question, $0) } },
                               uniquingKeysWith: { _, newer in newer })
        var note = HandoffNote(record: q.record, verdict: q.verdict, profile: q.profile, catalog: try session.catalog,
                               recommendations: session.recommendations(q), preparedBy: session.user, now: session.now(),
                               notes: notes)
        note.modelVersion = session.modelVersion.description
        let text = format == .md ? HandoffMarkdown.render(note) : HandoffJSON.render(note)
        try OutputTarget.write(inv, session: session) { sink in try sink.write(text) }
        if let path = inv.option("--out") {
            session.print("Wrote the handoff note for \(lead.label) to \(path)")
        }
    }
}

/// `--format` values of `handoff` (`markdown` is `md`).
enum HandoffFormat: String, FixedListValue {
    case md, json

    static let valueName = "format"
    static let listName = "Formats"
    static let aliases: [String: HandoffFormat] = ["markdown": .md]
    /// A wrong `--format` is a malformed command line.
    static var unknownKind: DiscoveryError.Kind { .usage }
}
