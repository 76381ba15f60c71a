/// A recorded answer to one question, typed by the question's `type`.
public enum AnswerValue: Sendable, Equatable, Hashable, Codable {
    case text(String)
    /// A choice id.
    case choice(String)
    /// Choice ids, in the order given.
    case multi([String])
    case yesNo(Bool)
    case number(Double)
    /// A calendar date, `YYYY-MM-DD`.
    case date(String)
    /// Names of contacts recorded into the stakeholder map.
    case contacts([String])

    /// The answer as a rep would read it back (choice ids, not labels).
    public var display: String {
        switch self {
        case .text(let s), .choice(let s), .date(let s): return s
        case .multi(let ids): return ids.joined(separator: ", ")
        case .contacts(let names): return names.joined(separator: ", ")
        case .yesNo(let b): return b ? "yes" : "no"
        case .number(let n):
            return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        }
    }
}
