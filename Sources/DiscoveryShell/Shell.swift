import DiscoveryCore
import LineEditor

/// Runs command lines: one at a time, from a script, or interactively at a prompt.
public final class Shell {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Runs one command line; reports its error, if any, and returns the exit code.
    /// `errorPrefix` goes before an error message (`line 3: ` in script mode).
    @discardableResult
    public func execute(_ line: String, errorPrefix: String = "error: ") -> Int32 {
        reportingErrors(errorPrefix) { try run(line) }
    }

    /// Runs a command given as words already split (one-shot mode: the process arguments).
    public func execute(words: [String], errorPrefix: String = "error: ") -> Int32 {
        reportingErrors(errorPrefix) { if !words.isEmpty { try run(words: words) } }
    }

    /// Runs `body`, writes its error to standard error, and returns the exit code.
    private func reportingErrors(_ prefix: String, _ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return 0
        } catch let e as DiscoveryError {
            session.err.write(prefix + e.message + "\n")
            return e.exitCode
        } catch {
            // Any other error is a bug; it must still not kill the shell or print a trace.
            session.err.write(prefix + "internal error: \(error)\n")
            return 1
        }
    }

    /// Runs one command line, throwing its error.
    public func run(_ line: String) throws {
        let words = try Tokenizer.split(line)
        guard !words.isEmpty else { return }
        try run(words: words)
    }

    func run(words: [String]) throws {
        let (command, rest) = try CommandRegistry.match(words)
        let invocation = try Invocation.parse(rest, spec: command.spec)
        try command.run(invocation, session)
    }

    /// Runs every line the reader gives (script mode: no prompt). Stops at the first failing
    /// line unless `keepGoing`; returns the exit code of the first failure, else 0.
    public func runScript(keepGoing: Bool) -> Int32 {
        var firstFailure: Int32 = 0
        while true {
            let input = session.reader.readLine(prompt: "")
            let lineNo = session.reader.lineNumber
            let code: Int32
            switch input {
            case .endOfInput:
                return firstFailure
            case .interrupted:
                continue
            case .rejected(let why):
                session.err.write("line \(lineNo): \(why)\n")
                code = DiscoveryError.Kind.usage.rawValue
            case .line(let line):
                if Self.isComment(line) { continue }
                code = execute(line, errorPrefix: "line \(lineNo): ")
                if Self.quits(line) && code == 0 { return firstFailure }
            }
            if code != 0 {
                if firstFailure == 0 { firstFailure = code }
                if !keepGoing { return code }
            }
        }
    }

    /// The interactive loop: prompt, read, run, until Ctrl-D or `quit`. Errors never end it.
    public func runInteractive() -> Int32 {
        // One line on what is due; never in script or one-shot mode.
        if let notice = FollowUpList.startNotice(session) { session.print(notice) }
        while true {
            switch session.reader.readLine(prompt: Prompt.text(for: session)) {
            case .endOfInput:
                return 0
            case .interrupted:
                continue
            case .rejected(let why):
                session.err.write("error: \(why)\n")
            case .line(let line):
                if Self.isComment(line) { continue }
                let code = execute(line)
                if Self.quits(line) && code == 0 { return 0 }
            }
        }
    }

    static func isComment(_ line: String) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" }).first == "#"
    }

    static func quits(_ line: String) -> Bool {
        let words = (try? Tokenizer.split(line)) ?? []
        return words == ["quit"] || words == ["exit"]
    }
}
