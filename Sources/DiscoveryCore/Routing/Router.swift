/// Where routing sends a lead: the owner and the rule that chose them.
public struct RoutingDecision: Sendable, Equatable {
    public var owner: String
    public var rule: String

    public init(owner: String, rule: String) {
        self.owner = owner
        self.rule = rule
    }

    /// `priya (rule ohio-capital)`.
    public var description: String { "\(owner) (rule \(rule))" }
}

/// The routing rules applied to a lead (SPEC §11): pure, so every command and backend routes alike.
public enum Router {
    /// The first rule whose `when` holds, and the owner it picks; `nil` when no rule matches.
    /// `openLeads` gives each pool member's open leads (absent: none).
    public static func route(_ lead: Lead, answers: [String: AnswerValue], config: RoutingConfig,
                             openLeads: [String: Int]) -> RoutingDecision? {
        guard let rule = matchingRule(lead, answers: answers, config: config) else { return nil }
        return RoutingDecision(owner: pick(rule.target, openLeads: openLeads), rule: rule.name)
    }

    /// The first rule whose every match holds for the lead.
    public static func matchingRule(_ lead: Lead, answers: [String: AnswerValue], config: RoutingConfig) -> RoutingRule? {
        config.rules.first { rule in rule.when.allSatisfy { holds($0, lead: lead, answers: answers) } }
    }

    /// An owner, or the pool member with the fewest open leads (the first listed on a tie).
    public static func pick(_ target: RoutingTarget, openLeads: [String: Int]) -> String {
        switch target {
        case .owner(let name):
            return name
        case .pool(let members):
            var best = members[0]
            for member in members.dropFirst() where openLeads[member, default: 0] < openLeads[best, default: 0] {
                best = member
            }
            return best
        }
    }

    static func holds(_ match: RoutingMatch, lead: Lead, answers: [String: AnswerValue]) -> Bool {
        switch match {
        case .field(let field, let values):
            guard let value = value(of: field, in: lead)?.lowercased() else { return false }
            return values.contains { $0.lowercased() == value }
        case .beds(let min, let max):
            guard let beds = lead.beds else { return false }
            return (min.map { beds >= $0 } ?? true) && (max.map { beds <= $0 } ?? true)
        case .answers(let condition):
            return condition.holds(in: answers)
        }
    }

    public static func value(of field: RoutingField, in lead: Lead) -> String? {
        switch field {
        case .type: return lead.type
        case .specialty: return lead.specialty
        case .region: return lead.region
        case .source: return lead.source
        case .profile: return lead.profile
        case .beds: return lead.beds.map(String.init)
        }
    }

    /// Stages in which a lead counts as one of its owner's open leads (for pools).
    public static let openStages: Set<Stage> = [.new, .mql, .sal, .sql, .opportunity]
}
