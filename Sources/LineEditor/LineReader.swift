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

/// What Tab does to the line being typed: replace the end of the text before the cursor (the
/// word typed so far) with completed text, and list the candidates when several remain.
public struct CompletionEdit: Equatable, Sendable {
    /// How many characters before the cursor to remove, counted in Unicode scalars (libedit's
    /// wide characters).
    public var deleteCount: Int
    /// The text to insert in their place (may close a quote and add a space after a unique match).
    public var insert: String
    /// Every candidate, shown in columns when there is more than one.
    public var candidates: [String]

    public init(deleteCount: Int = 0, insert: String = "", candidates: [String] = []) {
        self.deleteCount = deleteCount
        self.insert = insert
        self.candidates = candidates
    }

    /// Nothing to complete.
    public static let none = CompletionEdit()

    /// True when the edit leaves the line as it was.
    public var changesNothing: Bool { deleteCount == 0 && insert.isEmpty }
}

/// Supplies Tab completion: given the text before the cursor, how to edit it.
public typealias CompletionProvider = (_ lineBeforeCursor: String) -> CompletionEdit

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
