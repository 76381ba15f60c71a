import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let requalifyDone = Command(CommandSpec(
        ["requalify", "done"],
        usage: "requalify done [LEAD]",
        summary: "Clear a lead's re-qualification mark after looking at it (a stage move clears it too)",
        example: "requalify done L7",
        group: .verdicts, arguments: 0...1,
        completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        guard let mark = lead.requalify else {
            throw DiscoveryError.failed("\(lead.label) is not marked for re-qualification; nothing to clear")
        }
        guard try session.store.clearRequalify(lead: lead.id, actor: session.user, at: session.now()) != nil else {
            throw DiscoveryError.failed("\(lead.label)'s re-qualification mark was cleared meanwhile; nothing changed")
        }
        session.print("\(lead.label): re-qualification done (\(mark.trigger)); stays at \(lead.stage.rawValue)")
    }
}
