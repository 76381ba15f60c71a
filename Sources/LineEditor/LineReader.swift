/// What one read from the user gives.
public enum LineInput: Equatable, Sendable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C: the line being typed was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the script.
    case endOfInput
    /// A line that cannot be taken as text (invalid UTF-8, a NUL byte); the reason says which.
    case rejected(String)
}

/// Supplies candidates for Tab completion: given the text before the cursor, the words that
/// could replace the word being typed.
public typealias CompletionProvider = (_ lineBeforeCursor: String) -> [String]

/// Where the shell gets its lines: libedit on a terminal, a file descriptor in script mode,
/// a list of lines in tests.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` where the reader is interactive.
    func readLine(prompt: String) -> LineInput
    /// True when a person types at a terminal (prompts, colour, confirmations make sense).
    var isInteractive: Bool { get }
    /// The number of the last line read, counting from 1 (for `line N:` errors in scripts).
    var lineNumber: Int { get }
}
