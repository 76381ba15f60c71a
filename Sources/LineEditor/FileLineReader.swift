#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-terminated lines from a file descriptor (script mode: stdin is not a terminal).
/// Lines of any length are accepted; invalid UTF-8 and NUL bytes are rejected with a reason,
/// never silently repaired.
public final class FileLineReader: LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    public private(set) var lineNumber = 0
    public let isInteractive = false

    public init(fileDescriptor: Int32 = 0) {
        self.fd = fileDescriptor
    }

    public func readLine(prompt: String) -> LineInput {
        guard let bytes = nextLine() else { return .endOfInput }
        lineNumber += 1
        var line = bytes[...]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        if line.contains(0) { return .rejected("the line contains a NUL byte") }
        guard let text = String(validating: line, as: UTF8.self) else {
            return .rejected("the line is not valid UTF-8")
        }
        return .line(text)
    }

    private func nextLine() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if start > 65536 && start * 2 > buffer.count {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                atEOF = true
            } else if n == 0 {
                atEOF = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
            }
        }
    }
}
