/// Everything sales ops configures: question sets, scoring profiles, signal kinds and routing.
public struct Catalog: Sendable, Equatable, Codable {
    public var sets: [QuestionSet] { didSet { index = Index(sets: sets, profiles: profiles, signals: signals) } }
    public var profiles: [Profile] { didSet { index = Index(sets: sets, profiles: profiles, signals: signals) } }
    public var signals: [SignalDefinition] { didSet { index = Index(sets: sets, profiles: profiles, signals: signals) } }
    /// `routing.yaml`; no rules when the file is absent or has none.
    public var routing: RoutingConfig
    /// The look-ups a verdict makes, built once per change of the parts, not per lead.
    private var index: Index

    public init(sets: [QuestionSet], profiles: [Profile], signals: [SignalDefinition], routing: RoutingConfig = .none) {
        self.sets = sets
        self.profiles = profiles
        self.signals = signals
        self.routing = routing
        index = Index(sets: sets, profiles: profiles, signals: signals)
    }

    public static let empty = Catalog(sets: [], profiles: [], signals: [])

    public func set(_ id: String) -> QuestionSet? { sets.first { $0.id == id } }
    public func profile(_ id: String) -> Profile? { profiles.first { $0.id == id } }
    public func signal(_ id: String) -> SignalDefinition? { index.signals[id] }

    /// Looks a question up by its full id, `set.question`.
    public func question(_ fullId: String) -> Question? {
        guard let dot = fullId.firstIndex(of: ".") else { return nil }
        let setId = String(fullId[..<dot])
        let qid = String(fullId[fullId.index(after: dot)...])
        return set(setId)?.questions.first { $0.id == qid }
    }

    /// All questions of the given profile's sets, in interview order.
    public func questions(for profile: Profile) -> [Question] {
        index.questions[profile.sets] ?? profile.sets.compactMap(set).flatMap(\.questions)
    }

    public static func == (a: Catalog, b: Catalog) -> Bool {
        a.sets == b.sets && a.profiles == b.profiles && a.signals == b.signals && a.routing == b.routing
    }

    private enum CodingKeys: String, CodingKey { case sets, profiles, signals, routing }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sets: try c.decode([QuestionSet].self, forKey: .sets), profiles: try c.decode([Profile].self, forKey: .profiles),
                  signals: try c.decode([SignalDefinition].self, forKey: .signals), routing: try c.decode(RoutingConfig.self, forKey: .routing))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sets, forKey: .sets)
        try c.encode(profiles, forKey: .profiles)
        try c.encode(signals, forKey: .signals)
        try c.encode(routing, forKey: .routing)
    }

    /// Signals by id (the first of an id, as a search in order finds it) and the questions of
    /// each profile's list of sets.
    private final class Index: Sendable {
        let signals: [String: SignalDefinition]
        let questions: [[String]: [Question]]

        init(sets: [QuestionSet], profiles: [Profile], signals: [SignalDefinition]) {
            self.signals = Dictionary(signals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var questions: [[String]: [Question]] = [:]
            for profile in profiles where questions[profile.sets] == nil {
                questions[profile.sets] = profile.sets.compactMap { id in sets.first { $0.id == id } }.flatMap(\.questions)
            }
            self.questions = questions
        }
    }

    /// Gates that are built in and need no question to carry them.
    public static let builtInGates: Set<String> = ["next-step"]
}
