/// The three separate scores. Never blended into one number.
public enum ScoreKind: String, CaseIterable, Sendable, Codable {
    case fit, intent, readiness
}

/// Points added to each of the three scores (negative allowed).
public struct ScoreDelta: Sendable, Equatable, Hashable, Codable {
    public var fit: Int
    public var intent: Int
    public var readiness: Int

    public init(fit: Int = 0, intent: Int = 0, readiness: Int = 0) {
        self.fit = fit
        self.intent = intent
        self.readiness = readiness
    }

    public static let zero = ScoreDelta()

    public subscript(kind: ScoreKind) -> Int {
        get {
            switch kind {
            case .fit: return fit
            case .intent: return intent
            case .readiness: return readiness
            }
        }
        set {
            switch kind {
            case .fit: fit = newValue
            case .intent: intent = newValue
            case .readiness: readiness = newValue
            }
        }
    }

    public static func + (a: ScoreDelta, b: ScoreDelta) -> ScoreDelta {
        ScoreDelta(fit: a.fit + b.fit, intent: a.intent + b.intent, readiness: a.readiness + b.readiness)
    }
}
