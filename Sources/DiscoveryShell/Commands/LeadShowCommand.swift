import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

extension Command {
    static let leadShow = Command(CommandSpec(
        ["lead", "show"],
        usage: "lead show [LEAD] [--json]",
        summary: "Show a lead's fields and contacts",
        example: "lead show L7",
        group: .leads, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let contacts = try session.store.contacts(lead: lead.id)
        if inv.flag("--json") {
            session.print(JSONText.encode(LeadJSON(lead, fields: LeadJSONField.listing, extra: LeadShowExtra(contacts: contacts.map(ContactJSON.init)))))
            return
        }
        let s = session.style
        session.print(s.bold("\(lead.label) \(lead.org)"))
        let fields: [(String, String?)] = [
            ("stage", lead.stage.rawValue + (lead.stageReason.map { " (\($0.rawValue))" } ?? "")),
            ("profile", lead.profile), ("type", lead.type), ("specialty", lead.specialty),
            ("region", lead.region), ("beds", lead.beds.map(String.init)), ("source", lead.source),
            ("owner", lead.owner.map { o in lead.routeRule.map { "\(o) (routed: rule \($0))" } ?? o }), ("consent", lead.consent.rawValue),
            ("created", Dates.iso(lead.createdAt)),
        ]
        for (name, value) in fields {
            session.print("  \(name.padding(toLength: 10, withPad: " ", startingAt: 0))\(value ?? "-")")
        }
        session.print()
        ContactTable.print(contacts, of: lead, session: session)
        let engagement = Engagement(contacts: contacts, signals: try session.store.signals(lead: lead.id))
        if !engagement.engaged.isEmpty { session.print("Engaged: \(engagement.summary)") }
    }
}

/// What `lead show --json` writes beside the lead's fields.
struct LeadShowExtra: Encodable {
    let contacts: [ContactJSON]
}
