import DiscoveryCore
import Foundation

/// How answers read on screen.
enum AnswerText {
    /// `this-quarter — Within this quarter` for a choice; otherwise the value as typed back
    /// (a `multi` answer's ids, comma-separated).
    static func describe(_ value: AnswerValue, for question: Question?) -> String {
        guard case .choice(let id) = value, let choice = question?.choice(id) else { return value.display }
        return "\(id) — \(choice.label)"
    }

    /// What the rep types for a question, shown under it in the interview.
    static func inputHint(for question: Question) -> String {
        switch question.type {
        case .text: return "(text)"
        case .choice: return "(a number or id)"
        case .multi: return "(one or more numbers or ids, separated by commas)"
        case .yesNo: return "(yes/no)"
        case .number: return "(a number)"
        case .date: return "(a date, YYYY-MM-DD)"
        case .contacts: return "(people as Name (role, Title), Name (role); roles: \(ContactRole.words.joined(separator: ", ")))"
        }
    }

    /// The lines listing a question's choices: `  1) this-quarter  Within this quarter`.
    static func choiceLines(_ question: Question) -> [String] {
        let width = question.choices.map(\.id.count).max() ?? 0
        return question.choices.enumerated().map { i, c in
            let number = "\(i + 1))".padding(toLength: question.choices.count >= 10 ? 4 : 3, withPad: " ", startingAt: 0)
            return "  \(number)\(c.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(c.label)"
        }
    }

    /// The value as plain JSON: a string, a number, a boolean or a list of strings.
    static func json(_ value: AnswerValue) -> PlainJSON {
        switch value {
        case .text(let s), .choice(let s), .date(let s): return .string(s)
        case .multi(let ids): return .strings(ids)
        case .contacts(let names): return .strings(names)
        case .yesNo(let b): return .bool(b)
        case .number(let n): return .number(n)
        }
    }
}

/// An answer value as a tool reads it in `--json` output.
enum PlainJSON: Encodable, Equatable {
    case string(String)
    case strings([String])
    case bool(Bool)
    case number(Double)

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .strings(let a): try c.encode(a)
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        }
    }
}
