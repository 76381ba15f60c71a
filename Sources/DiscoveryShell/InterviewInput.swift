import DiscoveryCore
import Foundation
import LineEditor

/// What one read means inside an interview.
enum InterviewInput: Equatable {
    /// An answer to the current question (the text as typed).
    case answer(String)
    /// An empty line: skip the question (or keep its answer when revising it).
    case skip
    /// `/back`: revise the previous question.
    case back
    /// `/why`: why the question is asked.
    case why
    /// `/note TEXT`.
    case note(String)
    /// `/stop` or Ctrl-D: end the interview.
    case stop
    /// `/help`: the interview commands.
    case help
    /// Ctrl-C: the question is asked again.
    case cancel
    /// Not understood; the message says why.
    case invalid(String)

    /// The slash commands, for Tab completion and help.
    static let commands = ["/back", "/why", "/note", "/stop", "/help"]

    static func parse(_ input: LineInput) -> InterviewInput {
        switch input {
        case .endOfInput: return .stop
        case .interrupted: return .cancel
        case .rejected(let why): return .invalid(why)
        case .line(let line): return parse(line: line)
        }
    }

    static func parse(line: String) -> InterviewInput {
        let text = line.trimmingCharacters(in: [" ", "\t"])
        if text.isEmpty { return .skip }
        guard text.hasPrefix("/") else { return .answer(text) }
        // `//` escapes a text answer that begins with a slash.
        if text.hasPrefix("//") { return .answer(String(text.dropFirst())) }
        let word = String(text.prefix { $0 != " " && $0 != "\t" })
        let rest = String(text.dropFirst(word.count)).trimmingCharacters(in: [" ", "\t"])
        switch word.lowercased() {
        case "/back": return rest.isEmpty ? .back : .invalid("/back takes nothing after it")
        case "/why": return rest.isEmpty ? .why : .invalid("/why takes nothing after it")
        case "/stop": return rest.isEmpty ? .stop : .invalid("/stop takes nothing after it")
        case "/help", "/?": return .help
        case "/note":
            return rest.isEmpty ? .invalid("/note needs the note's text: /note TEXT") : .note(rest)
        default:
            let hint = Suggestion.hint(for: word, in: commands)
            return .invalid("unknown interview command '\(word)'.\(hint) Use /back, /why, /note TEXT, /stop (start with // to answer text that begins with /)")
        }
    }
}
