/// One problem found in a question-set folder, reported compiler-style as `file:line: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (`question-sets/timeline.yaml`).
    public var file: String
    /// 1-based line of the YAML node at fault; 0 for a problem with the file or folder as a whole.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, then line; problems on the same line keep the order they were found in.
    func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Collects the problems of one file while it is decoded, so that every one is reported, not just the first.
final class DiagnosticLog {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func error(line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: max(line, 1), message: message))
    }
}
