import DiscoveryCore

extension Command {
    static let use = Command(CommandSpec(
        ["use"],
        usage: "use LEAD",
        summary: "Make a lead the current one (by id or the start of its name)",
        example: "use L7",
        group: .leads, arguments: 1...1, completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments[0])
        session.currentLead = lead.id
        session.print("\(lead.label) \(lead.org)")
    }
}
