/// A `when` condition on a follow-up question (SPEC §6).
public indirect enum Condition: Sendable, Equatable, Hashable, Codable {
    /// The question (`set.question`) is answered with one of these choice ids
    /// (for `yes-no`: `yes` / `no`; for `multi`: any of them is among the chosen).
    case answerIn(question: String, values: [String])
    /// The question is answered (`true`) or not (`false`).
    case answered(question: String, Bool)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Every question id this condition refers to.
    public var questionReferences: [String] {
        switch self {
        case .answerIn(let q, _), .answered(let q, _): return [q]
        case .all(let cs), .any(let cs): return cs.flatMap(\.questionReferences)
        case .not(let c): return c.questionReferences
        }
    }
}
