import DiscoveryCore
import DiscoveryExport

/// Sends a writer's text to the command's output (standard output), in blocks, failing with
/// exit 4 when the output cannot be written (`> /dev/full`). A closed pipe ends quietly.
final class OutputSink: TextSink {
    private let out: TextOutput
    private var buffer = ""
    private static let flushSize = 1 << 16

    init(_ out: TextOutput) {
        self.out = out
    }

    func write(_ text: String) throws(DiscoveryError) {
        buffer += text
        if buffer.utf8.count >= Self.flushSize { try flush() }
    }

    func flush() throws(DiscoveryError) {
        guard !buffer.isEmpty else { return }
        let text = buffer
        buffer = ""
        try out.writeChecked(text)
    }
}

/// Where `export` and `handoff` write: the `--out` file (written safely) or standard output.
enum OutputTarget {
    /// Runs `body` with a sink for `--out FILE` (or standard output without it); the file gets
    /// its name only when `body` finished without error.
    static func write(_ inv: Invocation, session: Session, _ body: (TextSink) throws -> Void) throws {
        guard let path = inv.option("--out") else {
            if inv.flag("--force") { throw DiscoveryError.usage("--force only applies with --out FILE") }
            let sink = OutputSink(session.out)
            try body(sink)
            try sink.flush()
            return
        }
        let file = try SafeFileWriter(path: path, force: inv.flag("--force"))
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
