import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor

extension Command {
    static let leadDelete = Command(CommandSpec(
        ["lead", "delete"],
        usage: "lead delete LEAD [--yes]",
        summary: "Delete a lead and erase its personal data everywhere (cannot be undone)",
        example: "lead delete L7 --yes",
        group: .leads, arguments: 1...1, options: [.flag("--yes")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments[0])
        if !inv.flag("--yes") {
            guard session.isInteractive else {
                throw DiscoveryError.failed("deleting \(lead.label) erases its personal data for good: add --yes to confirm")
            }
            let answer = session.reader.readLine(prompt: "Delete \(lead.label) \(lead.org) and erase its personal data? Type \(lead.label) to confirm: ")
            guard case .line(let typed) = answer, typed.trimmingCharacters(in: .whitespaces).uppercased() == lead.label else {
                session.print("Not deleted.")
                return
            }
        }
        try session.store.deleteLead(id: lead.id, actor: session.user, at: session.now())
        if session.currentLead == lead.id { session.currentLead = nil }
        session.print("Deleted \(lead.label); its personal data was erased.")
    }
}
