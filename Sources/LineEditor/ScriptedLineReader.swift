/// Replays a fixed list of inputs: drives the shell and interviews in tests.
public final class ScriptedLineReader: LineReader {
    private var inputs: [LineInput]
    /// Every prompt shown, in order, so tests can check what the rep saw.
    public private(set) var prompts: [String] = []
    public private(set) var lineNumber = 0
    public let isInteractive: Bool

    public init(_ inputs: [LineInput], interactive: Bool = false) {
        self.inputs = inputs
        self.isInteractive = interactive
    }

    /// Convenience: each string is a typed line.
    public convenience init(lines: [String], interactive: Bool = false) {
        self.init(lines.map(LineInput.line), interactive: interactive)
    }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        guard !inputs.isEmpty else { return .endOfInput }
        lineNumber += 1
        return inputs.removeFirst()
    }
}
