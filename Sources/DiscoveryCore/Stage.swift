/// Where a lead stands in the funnel (SPEC §5).
public enum Stage: String, CaseIterable, Sendable, Codable {
    case new, mql, sal, sql, opportunity, nurture, disqualified
    case closedLost = "closed-lost"

    /// Stages that end active work and need a reason code to enter.
    public var requiresReason: Bool { self == .disqualified || self == .closedLost }
}
