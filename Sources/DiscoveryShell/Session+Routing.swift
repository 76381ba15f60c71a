import DiscoveryCore
import DiscoveryStorage

extension Session {
    /// Whom `routing.yaml` gives the lead to now (pools by their members' open leads); `nil`
    /// when there are no rules or none matches.
    func routingDecision(for lead: Lead, answers: [String: AnswerValue]) throws(DiscoveryError) -> RoutingDecision? {
        let config = try catalog.routing
        guard config.isActive, let rule = Router.matchingRule(lead, answers: answers, config: config) else { return nil }
        var counts: [String: Int] = [:]
        if case .pool(let members) = rule.target { counts = try store.openLeadCounts(owners: members) }
        return RoutingDecision(owner: Router.pick(rule.target, openLeads: counts), rule: rule.name)
    }

    /// Prints how a routing went, from the lead before and after: `L7 routed to priya (rule ohio-capital)`.
    func reportRouting(before: Lead, after: Lead) {
        guard before.owner == nil else { return }
        if let owner = after.owner, let rule = after.routeRule {
            print("\(after.label) routed to \(owner) (rule \(rule))")
        } else if (try? catalog.routing.isActive) == true {
            warn("no routing rule matches \(after.label): it stays unowned (fix routing.yaml, then 'route \(after.label)')")
        }
    }

    /// Routes an unowned lead that became an MQL by a manual move; never fails the move.
    func routeAfterManualMQL(_ lead: Lead) {
        guard lead.owner == nil, lead.stage == .mql else { return }
        do {
            let answers = try store.answersInForce(lead: lead.id)
            guard let route = try routingDecision(for: lead, answers: answers) else {
                reportRouting(before: lead, after: lead)
                return
            }
            if let routed = try store.assignRoute(lead: lead.id, route: route, actor: user, at: now()) {
                reportRouting(before: lead, after: routed)
            }
        } catch {
            warn("\(lead.label) is an MQL but could not be routed: \(error.message)")
        }
    }
}
