/// Whether a follow-up question applies, given the answers in force (SPEC §6 `when`).
extension Condition {
    /// Evaluates the condition against the answers in force (`set.question` → value).
    public func holds(in answers: [String: AnswerValue]) -> Bool {
        switch self {
        case .answered(let q, let expected):
            return (answers[q] != nil) == expected
        case .answerIn(let q, let values):
            guard let answer = answers[q] else { return false }
            return !Set(answer.matchTokens).isDisjoint(with: values)
        case .all(let cs):
            return cs.allSatisfy { $0.holds(in: answers) }
        case .any(let cs):
            return cs.contains { $0.holds(in: answers) }
        case .not(let c):
            return !c.holds(in: answers)
        }
    }
}

extension Question {
    /// A question applies when it has no `when`, or its `when` holds.
    public func isApplicable(given answers: [String: AnswerValue]) -> Bool {
        when?.holds(in: answers) ?? true
    }
}

extension AnswerValue {
    /// The words an `in: [...]` list is matched against: choice ids, `yes`/`no`, or the text.
    public var matchTokens: [String] {
        switch self {
        case .choice(let id): return [id]
        case .multi(let ids): return ids
        case .yesNo(let b): return [b ? "yes" : "no"]
        case .text(let s), .date(let s): return [s]
        case .number: return [display]
        case .contacts(let names): return names
        }
    }
}
