import DiscoveryCore

/// Every shell command, in help order. Add a command: write its file in `Commands/`, list it here.
public enum CommandRegistry {
    public static let all: [Command] = [
        // Leads and contacts
        .leadNew, .leadList, .leadShow, .leadSet, .leadDelete, .use,
        .contactAdd, .contactList, .contactSet,
        // Discovery
        .ask, .answer, .answers, .signalAdd, .signalList,
        // Verdicts
        .status, .why, .next, .nextSet, .nextDone, .stage, .route,
        .accept, .reject, .requalifyDone,
        // Calls
        .call, .callStart, .callEnd, .calls, .due,
        // Output
        .handoff, .export, .import, .report,
        .audit, .undo, .lint,
        // Shell
        .help, .quit, .exit,
    ]

    /// The first words of all commands (`lead`, `contact`, `status`, ...).
    public static var topLevelNames: [String] {
        var seen: [String] = []
        for c in all where !seen.contains(c.spec.path[0]) { seen.append(c.spec.path[0]) }
        return seen
    }

    /// The subcommand words under `group` (`new`, `list`, ... for `lead`).
    public static func subcommands(of group: String) -> [String] {
        all.filter { $0.spec.path.count > 1 && $0.spec.path[0] == group }.map { $0.spec.path[1] }
    }

    /// Finds the command named by the leading words; returns it with the remaining words.
    public static func match(_ words: [String]) throws(DiscoveryError) -> (Command, [String]) {
        guard let first = words.first else { throw .usage("empty command") }
        // The longest path wins: `next set` before `next`, `call start` before `call`.
        let candidates = all.filter { c in
            c.spec.path.count <= words.count && Array(words.prefix(c.spec.path.count)) == c.spec.path
        }
        if let best = candidates.max(by: { $0.spec.path.count < $1.spec.path.count }) {
            return (best, Array(words.dropFirst(best.spec.path.count)))
        }
        let subs = subcommands(of: first)
        if !subs.isEmpty {
            guard words.count > 1 else {
                throw .usage("'\(first)' needs a subcommand: \(subs.joined(separator: ", ")). Try 'help \(first)'")
            }
            throw .usage("unknown subcommand '\(words[1])' for '\(first)'.\(Suggestion.hint(for: words[1], in: subs)) Choose from: \(subs.joined(separator: ", "))")
        }
        let hint = Suggestion.hint(for: first, in: topLevelNames)
        throw .usage("unknown command '\(first)'.\(hint) Type 'help' for the list of commands")
    }
}
