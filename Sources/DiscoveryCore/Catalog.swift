/// Everything sales ops configures: question sets, scoring profiles, signal kinds and routing.
public struct Catalog: Sendable, Equatable, Codable {
    public var sets: [QuestionSet]
    public var profiles: [Profile]
    public var signals: [SignalDefinition]
    /// `routing.yaml`; no rules when the file is absent or has none.
    public var routing: RoutingConfig

    public init(sets: [QuestionSet], profiles: [Profile], signals: [SignalDefinition], routing: RoutingConfig = .none) {
        self.sets = sets
        self.profiles = profiles
        self.signals = signals
        self.routing = routing
    }

    public static let empty = Catalog(sets: [], profiles: [], signals: [])

    public func set(_ id: String) -> QuestionSet? { sets.first { $0.id == id } }
    public func profile(_ id: String) -> Profile? { profiles.first { $0.id == id } }
    public func signal(_ id: String) -> SignalDefinition? { signals.first { $0.id == id } }

    /// Looks a question up by its full id, `set.question`.
    public func question(_ fullId: String) -> Question? {
        guard let dot = fullId.firstIndex(of: ".") else { return nil }
        let setId = String(fullId[..<dot])
        let qid = String(fullId[fullId.index(after: dot)...])
        return set(setId)?.questions.first { $0.id == qid }
    }

    /// All questions of the given profile's sets, in interview order.
    public func questions(for profile: Profile) -> [Question] {
        profile.sets.compactMap(set).flatMap(\.questions)
    }

    /// Gates that are built in and need no question to carry them.
    public static let builtInGates: Set<String> = ["next-step"]
}
