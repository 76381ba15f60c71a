import DiscoveryCore
import Foundation

/// One record read from a CSV file, or the reason it could not be read.
public enum CSVItem: Sendable, Equatable {
    /// The fields of a record; `line` is the physical line it starts on (1-based).
    case record(line: Int, fields: [String])
    /// A record that cannot be used: its line and what is wrong. Reading goes on after it.
    case bad(line: Int, message: String)
}

/// Reads RFC 4180 CSV incrementally: bytes come in blocks and records go out one at a time, so
/// a file of any size is read in constant memory. Accepts CRLF, LF or CR line ends, a UTF-8 BOM
/// (dropped), quoted cells with commas, doubled quotes and line breaks; a stray quote inside an
/// unquoted cell is kept as text. A record with invalid UTF-8, a NUL byte or text after a
/// closing quote comes out as `.bad` with its line; an unclosed quote at the end of the file too.
public final class CSVReader {
    /// Gives the next block of bytes; an empty block means the end of the file.
    public typealias Source = () throws(DiscoveryError) -> [UInt8]

    /// A record longer than this is almost surely an unclosed quote swallowing the file.
    public static let maxRecordBytes = 1 << 20

    private let source: Source
    private var chunk: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var started = false
    /// Bytes consumed so far (for a progress bar).
    public private(set) var bytesRead = 0
    private var line = 1
    private var lastWasCR = false
    /// The field separator: `,` (RFC 4180), or `;` as Excel writes CSV where the decimal
    /// separator is a comma (most of Europe). `init(path:)` tells them apart from the header.
    public var delimiter: UInt8 = 0x2C

    public init(source: @escaping Source) {
        self.source = source
    }

    /// Reads the file at `path` in 64 KiB blocks. A missing or unreadable file is refused here.
    public convenience init(path: String) throws(DiscoveryError) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .failed("\(path): no such file")
        }
        guard !isDir.boolValue else { throw .failed("\(path): is a folder, not a CSV file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .failed("\(path): cannot read the file (permission denied?)")
        }
        let read = { () throws(DiscoveryError) -> [UInt8] in
            do {
                return Array(try handle.read(upToCount: 1 << 16) ?? Data())
            } catch {
                throw .storage("\(path): cannot read the file: \(error.localizedDescription)")
            }
        }
        // A program, a spreadsheet or UTF-16 text holds NUL bytes at once: say what the file is
        // not, rather than which column of the "header" holds a NUL.
        var first: [UInt8]? = try read()
        if let problem = first.flatMap(Self.notText) { throw .failed("\(path): not a text (CSV) file: \(problem)") }
        let delimiter = Self.delimiter(of: first ?? [])
        self.init { () throws(DiscoveryError) -> [UInt8] in
            if let block = first {
                first = nil
                return block
            }
            return try read()
        }
        self.delimiter = delimiter
    }

    /// `;` when the first line (outside quotes) holds more semicolons than commas, else `,`.
    static func delimiter(of block: [UInt8]) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for b in block {
            if b == 0x22 { quoted.toggle() }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if b == 0x2C { commas += 1 }
            if b == 0x3B { semicolons += 1 }
        }
        return semicolons > commas ? 0x3B : 0x2C
    }

    /// Why the first block of a file shows it is not UTF-8 text, or `nil`.
    static func notText(_ block: [UInt8]) -> String? {
        if block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(block) {
            return "it is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and import that"
        }
        if block.contains(0) { return "it holds binary data (NUL bytes); export the leads as CSV and import that" }
        return nil
    }

    /// UTF-16 without a byte-order mark: ASCII text with a NUL beside every character.
    static func looksLikeUTF16(_ block: [UInt8]) -> Bool {
        let head = block.prefix(64)
        guard head.count >= 8 else { return false }
        let even = stride(from: head.startIndex, to: head.endIndex, by: 2).filter { head[$0] == 0 }.count
        let odd = stride(from: head.startIndex + 1, to: head.endIndex, by: 2).filter { head[$0] == 0 }.count
        let half = head.count / 2
        return (odd >= half * 3 / 4 && even == 0) || (even >= half * 3 / 4 && odd == 0)
    }

    /// A reader over text held in memory (tests).
    public convenience init(text: String) {
        var remaining: [UInt8]? = Array(text.utf8)
        self.init { () throws(DiscoveryError) -> [UInt8] in
            defer { remaining = nil }
            return remaining ?? []
        }
    }

    private func nextByte() throws(DiscoveryError) -> UInt8? {
        while index == chunk.count {
            if atEnd { return nil }
            chunk = try source()
            index = 0
            if !started {
                // The BOM may be split across blocks: gather three bytes first.
                started = true
                while chunk.count < 3 {
                    let more = try source()
                    if more.isEmpty { break }
                    chunk += more
                }
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; bytesRead += 3 }
            }
            if chunk.isEmpty { atEnd = true; return nil }
        }
        let b = chunk[index]
        index += 1
        bytesRead += 1
        return b
    }

    /// Appends to `field` the bytes of the current block up to the next one that `stops`, at most
    /// `room` of them, and returns how many: the per-byte loop then goes on from the stopping
    /// byte, exactly as if it had read the run one byte at a time.
    private func copyRun(into field: inout [UInt8], room: Int, stops: (UInt8) -> Bool) -> Int {
        let end = min(chunk.count, index + max(0, room))
        var i = index
        while i < end, !stops(chunk[i]) { i += 1 }
        let n = i - index
        if n > 0 {
            field.append(contentsOf: chunk[index..<i])
            index = i
            bytesRead += n
        }
        return n
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// The next record, or `nil` at the end of the file. Blank lines are skipped.
    public func next() throws(DiscoveryError) -> CSVItem? {
        while true {
            guard let item = try readRecord() else { return nil }
            if case .record(_, let fields) = item, fields.count == 1, fields[0].isEmpty { continue }
            return item
        }
    }

    private func readRecord() throws(DiscoveryError) -> CSVItem? {
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var problem: String?
        var size = 0
        var sawAnything = false
        let startLine: Int
        // Skip the LF of a CRLF that ended the previous record.
        var first = try nextByte()
        if lastWasCR, first == 0x0A { first = try nextByte() }
        lastWasCR = false
        startLine = line
        guard var byte = first else { return nil }

        func endField() {
            if problem == nil {
                if field.contains(0) {
                    problem = "column \(fields.count + 1) contains a NUL byte"
                } else {
                    if let text = String(validating: field, as: UTF8.self) {
                        fields.append(text)
                    } else {
                        problem = "column \(fields.count + 1) is not valid UTF-8; save the file as UTF-8 and import it again"
                        fields.append(String(decoding: field, as: UTF8.self))
                    }
                }
            }
            field.removeAll(keepingCapacity: true)
        }

        while true {
            sawAnything = true
            size += 1
            if size > Self.maxRecordBytes {
                throw .failed("line \(startLine): a record longer than 1 MB: probably a quote that is never closed. Nothing after this line was read")
            }
            switch state {
            case .fieldStart, .unquoted:
                switch byte {
                case delimiter:  // , (or ;)
                    endField()
                    state = .fieldStart
                case 0x0D, 0x0A:  // CR, LF
                    line += 1
                    lastWasCR = byte == 0x0D
                    endField()
                    return finish(startLine, fields, problem)
                case 0x22 where state == .fieldStart:
                    state = .quoted
                default:
                    field.append(byte)
                    state = .unquoted
                    let delimiter = self.delimiter
                    size += copyRun(into: &field, room: Self.maxRecordBytes - size) { $0 == delimiter || $0 == 0x0D || $0 == 0x0A }
                }
            case .quoted:
                if byte == 0x22 {
                    state = .afterQuote
                } else {
                    if byte == 0x0D || (byte == 0x0A && !lastWasCR) { line += 1 }
                    lastWasCR = byte == 0x0D
                    field.append(byte)
                    if !lastWasCR {
                        size += copyRun(into: &field, room: Self.maxRecordBytes - size) { $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
                    }
                }
            case .afterQuote:
                switch byte {
                case 0x22:
                    field.append(byte)
                    state = .quoted
                case delimiter:
                    endField()
                    state = .fieldStart
                case 0x0D, 0x0A:
                    line += 1
                    lastWasCR = byte == 0x0D
                    endField()
                    return finish(startLine, fields, problem)
                default:
                    if problem == nil {
                        problem = "column \(fields.count + 1) has text after its closing quote; inside a quoted cell write a quote as two quotes (\"\")"
                    }
                    field.append(byte)
                    state = .unquoted
                }
            }
            guard let b = try nextByte() else { break }
            byte = b
        }
        // End of file inside a record.
        if state == .quoted {
            return .bad(line: startLine, message: "a quoted cell opened on this line is never closed (missing \")")
        }
        if sawAnything { endField() }
        return finish(startLine, fields, problem)
    }

    private func finish(_ line: Int, _ fields: [String], _ problem: String?) -> CSVItem {
        if let problem { return .bad(line: line, message: problem) }
        return .record(line: line, fields: fields)
    }
}
