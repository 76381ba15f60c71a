import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let contactList = Command(CommandSpec(
        ["contact", "list"],
        usage: "contact list [LEAD] [--json]",
        summary: "List a lead's contacts with their roles, and the roles still missing",
        example: "contact list L7",
        group: .leads, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let contacts = try session.store.contacts(lead: lead.id)
        if inv.flag("--json") {
            session.print(JSONText.encode(contacts.map(ContactJSON.init)))
            return
        }
        ContactTable.print(contacts, of: lead, session: session)
    }
}

/// The stakeholder table shared by `contact list` and `lead show`.
enum ContactTable {
    /// The missing roles are those the lead's profile expects (`CommitteeRoles`), as in the handoff.
    static func print(_ contacts: [Contact], of lead: Lead, session: Session) {
        if contacts.isEmpty {
            session.print("No contacts yet: add one with 'contact add NAME --role ROLE'.")
        } else {
            let rows = contacts.map { [$0.name, $0.role?.rawValue ?? "-", $0.title ?? "-", $0.email ?? "-", $0.phone ?? "-", $0.consent.rawValue] }
            session.out.write(TextTable.render(["NAME", "ROLE", "TITLE", "EMAIL", "PHONE", "CONSENT"], rows))
        }
        let missing = CommitteeRoles.missing(contacts, profile: try? session.profile(of: lead))
        session.print("Missing roles: \(missing.isEmpty ? "none" : missing.map(\.rawValue).joined(separator: ", "))")
    }
}
