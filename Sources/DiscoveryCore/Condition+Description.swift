extension Condition {
    /// The condition as a rep reads it: `timeline.evaluation-window is this-quarter or next-two-quarters`.
    public var explanation: String {
        switch self {
        case .answerIn(let q, let values):
            return "\(q) is \(Self.alternatives(values))"
        case .answered(let q, let expected):
            return expected ? "\(q) is answered" : "\(q) is not answered"
        case .all(let cs):
            return cs.map { $0.nestedExplanation }.joined(separator: " and ")
        case .any(let cs):
            return cs.map { $0.nestedExplanation }.joined(separator: " or ")
        case .not(let c):
            return "not (\(c.explanation))"
        }
    }

    private var nestedExplanation: String {
        switch self {
        case .all(let cs) where cs.count > 1: return "(\(explanation))"
        case .any(let cs) where cs.count > 1: return "(\(explanation))"
        default: return explanation
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "(nothing)" }
        return values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }
}

extension Question {
    /// Why the question does not apply yet, naming the answers it depends on and what they are
    /// now; `nil` when it applies.
    public func notApplicableReason(given answers: [String: AnswerValue]) -> String? {
        guard let when, !when.holds(in: answers) else { return nil }
        var seen: [String] = []
        for q in when.questionReferences where !seen.contains(q) { seen.append(q) }
        let now = seen.map { "\($0) is \(answers[$0]?.display ?? "unanswered")" }.joined(separator: ", ")
        return "\(fullId) does not apply yet: it is asked when \(when.explanation) (now \(now))"
    }
}
