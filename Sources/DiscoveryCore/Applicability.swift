/// Whether a follow-up question applies, given the answers in force (SPEC §6 `when`).
extension Condition {
    /// Evaluates the condition against the answers in force (`set.question` → value).
    public func holds(in answers: [String: AnswerValue]) -> Bool {
        switch self {
        case .answered(let q, let expected):
            return (answers[q] != nil) == expected
        case .answerIn(let q, let values):
            guard let answer = answers[q] else { return false }
            return answer.matchesAny(of: values)
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
    /// True when one of the words an `in: [...]` list is matched against (`matchTokens`) is in
    /// `values`; without building the list for a one-word answer.
    public func matchesAny(of values: [String]) -> Bool {
        switch self {
        case .choice(let id): return values.contains(id)
        case .yesNo(let b): return values.contains(b ? "yes" : "no")
        case .text(let s), .date(let s): return values.contains(s)
        case .multi, .number, .contacts: return matchTokens.contains(where: values.contains)
        }
    }

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
