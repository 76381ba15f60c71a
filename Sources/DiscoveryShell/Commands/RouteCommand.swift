import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let route = Command(CommandSpec(
        ["route"],
        usage: "route [LEAD] [--dry-run] | route --all --dry-run",
        summary: "Give an unowned lead the owner routing.yaml picks (audited with the rule); --dry-run only shows it",
        example: "route L7 --dry-run",
        group: .verdicts, arguments: 0...1,
        options: [.flag("--dry-run"), .flag("--all")],
        completing: [.lead]
    )) { inv, session in
        let dryRun = inv.flag("--dry-run")
        guard try session.catalog.routing.isActive else {
            throw DiscoveryError.failed("routing.yaml has no rules: a lead belongs to whoever created it. Add rules (see docs/routing.md) and check them with 'lint'")
        }
        if inv.flag("--all") {
            guard inv.arguments.isEmpty else { throw DiscoveryError.usage("route --all takes no lead: it shows the whole book") }
            guard dryRun else {
                throw DiscoveryError.usage("route --all needs --dry-run: it shows where every unowned lead would go; route one lead with 'route LEAD'")
            }
            try RouteBook.show(session)
            return
        }
        let lead = try session.lead(inv.arguments.first)
        if let owner = lead.owner {
            throw DiscoveryError.failed("\(lead.label) already belongs to \(owner)\(lead.routeRule.map { " (rule \($0))" } ?? ""); hand it over with 'lead set \(lead.label) owner NAME'")
        }
        let answers = try session.store.answersInForce(lead: lead.id)
        guard let route = try session.routingDecision(for: lead, answers: answers) else {
            throw DiscoveryError.failed("no routing rule matches \(lead.label) (\(RouteBook.describe(lead))): add a rule, or a catch-all rule without 'when', to routing.yaml")
        }
        if dryRun {
            session.print("\(lead.label) would be routed to \(route.description)")
            return
        }
        guard let routed = try session.store.assignRoute(lead: lead.id, route: route, actor: session.user, at: session.now()) else {
            throw DiscoveryError.failed("\(lead.label) was given an owner meanwhile; nothing changed")
        }
        session.reportRouting(before: lead, after: routed)
    }
}

/// `route --all --dry-run`: where every unowned lead would go, pools counting the leads routed before it.
enum RouteBook {
    static func show(_ session: Session) throws(DiscoveryError) {
        let config = try session.catalog.routing
        var records: [QualificationRecord] = []
        try session.store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
            if record.lead.owner == nil && !record.lead.stage.isClosed { records.append(record) }
        }
        guard !records.isEmpty else {
            session.print("No unowned leads: every open lead has an owner.")
            return
        }
        let members = Array(Set(config.rules.flatMap(\.target.members))).sorted()
        var counts = try session.store.openLeadCounts(owners: members)
        var rows: [[String]] = []
        for record in records {
            let lead = record.lead
            if let rule = Router.matchingRule(lead, answers: record.answers, config: config) {
                let owner = Router.pick(rule.target, openLeads: counts)
                counts[owner, default: 0] += 1
                rows.append([lead.label, lead.org, lead.stage.rawValue, owner, rule.name])
            } else {
                rows.append([lead.label, lead.org, lead.stage.rawValue, "-", "(no rule matches)"])
            }
        }
        session.out.write(TextTable.render(["LEAD", "ORG", "STAGE", "OWNER", "RULE"], rows))
        session.print("Dry run: nothing changed (\(rows.count) unowned lead\(rows.count == 1 ? "" : "s")).")
    }

    /// The fields routing looks at, for a message: `region US-OH, specialty orthopedics, profile capital-equipment`.
    static func describe(_ lead: Lead) -> String {
        RoutingField.allCases.compactMap { field in Router.value(of: field, in: lead).map { "\(field.rawValue) \($0)" } }
            .joined(separator: ", ")
    }
}
