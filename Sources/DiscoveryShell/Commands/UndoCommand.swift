import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let undo = Command(CommandSpec(
        ["undo"],
        usage: "undo",
        summary: "Revert your own last change, never a teammate's (the undo itself is audited)",
        example: "undo",
        group: .output
    )) { _, session in
        let result = try session.store.undo(actor: session.user, at: session.now())
        session.print("Undid change \(result.changeId)\(result.leadId.map { " on L\($0)" } ?? ""):")
        for line in result.summary { session.print("  \(line)") }
    }
}
