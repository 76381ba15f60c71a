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
    /// `/status`: the scores and missing gates in one line.
    case status
    /// Ctrl-C: the question is asked again.
    case cancel
    /// Not understood; the message says why.
    case invalid(String)

    /// The slash commands, for Tab completion and help.
    static let commands = ["/back", "/why", "/note", "/status", "/stop", "/help"]

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
        case "/status": return rest.isEmpty ? .status : .invalid("/status takes nothing after it")
        case "/help", "/?": return .help
        case "/note":
            return rest.isEmpty ? .invalid("/note needs the note's text: /note TEXT") : .note(rest)
        default:
            let hint = Suggestion.hint(for: word, in: commands)
            return .invalid("unknown interview command '\(word)'.\(hint) Use /back, /why, /note TEXT, /status, /stop (start with // to answer text that begins with /)")
        }
    }

    /// Whether a text answer is exactly the name of a shell command (`status`, `call start`):
    /// likely typed for the shell, not as the buyer's words.
    static func isCommandName(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return false }
        if words.count == 1 && CommandRegistry.topLevelNames.contains(words[0]) { return true }
        return CommandRegistry.all.contains { $0.spec.path == words }
    }
}
