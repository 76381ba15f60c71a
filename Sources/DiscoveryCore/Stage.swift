/// Where a lead stands in the funnel (SPEC §5).
public enum Stage: String, CaseIterable, Sendable, Codable {
    case new, mql, sal, sql, opportunity, nurture, disqualified
    case closedLost = "closed-lost"

    /// Stages that end active work: nothing is recommended for such a lead until it moves on.
    public var isClosed: Bool { self == .disqualified || self == .closedLost }

    /// Entering a closed stage needs a reason code.
    public var requiresReason: Bool { isClosed }
}

extension Stage: FixedListValue {
    public static let valueName = "stage"
    public static let listName = "Stages"
}
