/// An engagement signal kind from `signals.yaml`.
public struct SignalDefinition: Sendable, Equatable, Codable {
    public enum Priority: String, Sendable, Codable {
        case normal, high
    }
    public var id: String
    public var label: String
    public var score: ScoreDelta
    /// `high`: a direct request: 4-hour SLA, and it makes an MQL by itself.
    public var priority: Priority
    /// `requalify: true`: a sign of new interest that marks a nurtured, disqualified or lost
    /// lead for re-qualification (SPEC §11).
    public var requalify: Bool

    public init(id: String, label: String, score: ScoreDelta = .zero, priority: Priority = .normal, requalify: Bool = false) {
        self.id = id
        self.label = label
        self.score = score
        self.priority = priority
        self.requalify = requalify
    }
}
