import DiscoveryCore
import Foundation

extension Command {
    static let help = Command(CommandSpec(
        ["help"],
        usage: "help [COMMAND]",
        summary: "List the commands, or show one command's usage and an example",
        example: "help lead new",
        group: .shell, arguments: 0...2, completing: [.command]
    )) { inv, session in
        let s = session.style
        guard !inv.arguments.isEmpty else {
            for group in HelpGroup.allCases {
                let commands = CommandRegistry.all.filter { $0.spec.group == group }
                guard !commands.isEmpty else { continue }
                session.print(s.bold(group.rawValue))
                let width = commands.map(\.spec.name.count).max() ?? 0
                for c in commands {
                    session.print("  \(c.spec.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(c.spec.summary)")
                }
                session.print()
            }
            session.print("Type 'help COMMAND' for its usage and an example.")
            return
        }
        let words = inv.arguments
        let matches = CommandRegistry.all.filter { Array($0.spec.path.prefix(words.count)) == words }
        guard !matches.isEmpty else {
            let hint = Suggestion.hint(for: words[0], in: CommandRegistry.topLevelNames)
            throw DiscoveryError.failed("no command '\(words.joined(separator: " "))'.\(hint) Type 'help' for the list")
        }
        for (i, c) in matches.enumerated() {
            if i > 0 { session.print() }
            session.print("usage: \(c.spec.usage)")
            session.print("  \(c.spec.summary)")
            session.print("  example: \(c.spec.example)")
        }
    }

    static let quit = Command(CommandSpec(
        ["quit"], usage: "quit", summary: "Leave the shell (Ctrl-D does too)", example: "quit", group: .shell
    )) { _, _ in }

    static let exit = Command(CommandSpec(
        ["exit"], usage: "exit", summary: "Leave the shell", example: "exit", group: .shell
    )) { _, _ in }
}
