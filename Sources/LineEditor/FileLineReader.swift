#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-terminated lines from a file descriptor (script mode: stdin is not a terminal).
/// Invalid UTF-8, NUL bytes and lines over `maxLineBytes` are rejected with a reason, never
/// silently repaired or cut; an over-long line is skipped in linear time.
public final class FileLineReader: LineReader {
    /// No command needs more; a longer line is refused as a whole.
    public static let maxLineBytes = 1 << 20

    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    /// Bytes of `buffer` already searched for a newline.
    private var scanned = 0
    private var atEOF = false
    public private(set) var lineNumber = 0
    public let isInteractive = false

    public init(fileDescriptor: Int32 = 0) {
        self.fd = fileDescriptor
    }

    public func readLine(prompt: String) -> LineInput {
        switch nextLine() {
        case .none:
            return .endOfInput
        case .some(.tooLong(let bytes)):
            lineNumber += 1
            return .rejected("the line is too long (\(bytes) bytes; at most \(Self.maxLineBytes))")
        case .some(.line(let bytes)):
            lineNumber += 1
            var line = bytes[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.contains(0) { return .rejected("the line contains a NUL byte") }
            guard let text = String(validating: line, as: UTF8.self) else {
                return .rejected("the line is not valid UTF-8")
            }
            return .line(text)
        }
    }

    private enum Raw {
        case line([UInt8])
        case tooLong(Int)
    }

    private func nextLine() -> Raw? {
        var discarded = 0
        while true {
            if let nl = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                scanned = start
                return discarded > 0 ? .tooLong(discarded + line.count) : .line(line)
            }
            scanned = buffer.count
            if buffer.count - start > Self.maxLineBytes {
                discarded += buffer.count - start
                start = buffer.count
            }
            if start > 0 && (start >= 65536 || start == buffer.count) {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            if atEOF {
                if discarded > 0 { return .tooLong(discarded + buffer.count - start) }
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                scanned = start
                return .line(line)
            }
            fill()
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEOF = true } else { buffer.append(contentsOf: chunk[0..<n]) }
            return
        }
    }
}
