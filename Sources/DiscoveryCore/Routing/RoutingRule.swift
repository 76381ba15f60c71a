/// The lead fields a routing rule may match (SPEC §11).
public enum RoutingField: String, CaseIterable, Sendable, Codable {
    case type, specialty, region, source, profile, beds
}

/// One test of a rule's `when`: a lead field among values, beds within a range, or a
/// question-set condition on the answers in force.
public enum RoutingMatch: Sendable, Equatable, Codable {
    /// The field's value is one of `values` (case-insensitive; an empty field never matches).
    case field(RoutingField, [String])
    /// The bed count is within `min...max` (either end open); a lead without beds never matches.
    case beds(min: Int?, max: Int?)
    /// The question-set condition holds on the answers in force.
    case answers(Condition)
}

/// Who a rule gives a lead to.
public enum RoutingTarget: Sendable, Equatable, Codable {
    case owner(String)
    /// The member with the fewest open leads; ties go to the first listed.
    case pool([String])

    /// Every name the target may give the lead to.
    public var members: [String] {
        switch self {
        case .owner(let name): return [name]
        case .pool(let names): return names
        }
    }
}

/// A named routing rule: when every match holds, the lead goes to the target.
public struct RoutingRule: Sendable, Equatable, Codable {
    public var name: String
    /// All must hold; none makes a catch-all.
    public var when: [RoutingMatch]
    public var target: RoutingTarget

    public init(name: String, when: [RoutingMatch] = [], target: RoutingTarget) {
        self.name = name
        self.when = when
        self.target = target
    }

    public var isCatchAll: Bool { when.isEmpty }
}

/// `routing.yaml`: the rules in order (the first that matches wins) and the reps' capacity.
public struct RoutingConfig: Sendable, Equatable, Codable {
    public var rules: [RoutingRule]
    /// New MQLs a rep can follow up in a month (for the review report); `nil` when not given.
    public var capacityPerOwnerPerMonth: Int?

    public init(rules: [RoutingRule] = [], capacityPerOwnerPerMonth: Int? = nil) {
        self.rules = rules
        self.capacityPerOwnerPerMonth = capacityPerOwnerPerMonth
    }

    /// No rules: a new lead belongs to whoever created it, and nothing is routed.
    public static let none = RoutingConfig()

    /// With rules, a lead created without an owner stays unowned until it becomes an MQL.
    public var isActive: Bool { !rules.isEmpty }
}
