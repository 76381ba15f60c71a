import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let leadList = Command(CommandSpec(
        ["lead", "list"],
        usage: "lead list [--status S] [--owner U] [--profile P] [--search TEXT] [--json]",
        summary: "List leads, filtered by stage, owner, profile or text",
        example: "lead list --status mql --search mercy",
        group: .leads,
        options: [OptionSpec("--status", "S", completion: .values(Stage.self)), OptionSpec("--owner", "U"),
                  OptionSpec("--profile", "P", completion: .profile), OptionSpec("--search", "TEXT"), .flag("--json")]
    )) { inv, session in
        var filter = LeadFilter(owner: inv.option("--owner"), profile: inv.option("--profile"), search: inv.option("--search"))
        if let s = inv.option("--status") { filter.stage = try Stage.parse(s) }
        let leads = try session.store.leads(filter)
        if inv.flag("--json") {
            session.print(JSONText.encode(leads.map { LeadJSON($0, fields: LeadJSONField.listing) }))
            return
        }
        if leads.isEmpty {
            session.print("No leads\(filter.isEmpty ? " yet: create one with 'lead new ORG'" : " match").")
            return
        }
        let rows = leads.map { [$0.label, $0.stage.rawValue, $0.profile, $0.owner ?? "-", $0.region ?? "-", $0.org] }
        session.out.write(TextTable.render(["ID", "STAGE", "PROFILE", "OWNER", "REGION", "ORGANISATION"], rows))
    }
}

extension LeadFilter {
    var isEmpty: Bool { stage == nil && owner == nil && profile == nil && search == nil }
}
