import DiscoveryCore
import Testing
@testable import DiscoveryExport

@Suite struct CSVReaderTests {
    /// Reads everything, feeding the reader `blockSize` bytes at a time.
    static func read(_ bytes: [UInt8], blockSize: Int = 1 << 16) throws -> [CSVItem] {
        var offset = 0
        let reader = CSVReader { () throws(DiscoveryError) -> [UInt8] in
            let end = min(bytes.count, offset + blockSize)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
        var items: [CSVItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    static func read(_ text: String, blockSize: Int = 1 << 16) throws -> [CSVItem] {
        try read(Array(text.utf8), blockSize: blockSize)
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 16])
    func readsQuotesCommasAndLineBreaksInsideCellsWhateverTheBlockSize(blockSize: Int) throws {
        let text = "\u{FEFF}name,note\r\n\"Ruiz, Ana\",\"said \"\"yes\"\"\r\nthen left\"\r\nplain,\"\"\r\n"
        let items = try Self.read(text, blockSize: blockSize)
        #expect(items == [
            .record(line: 1, fields: ["name", "note"]),
            .record(line: 2, fields: ["Ruiz, Ana", "said \"yes\"\r\nthen left"]),
            .record(line: 4, fields: ["plain", ""]),
        ])
    }

    @Test func acceptsLFAndCRLineEndsAndNoFinalLineBreak() throws {
        #expect(try Self.read("a,b\nc,d\r\ne,f\rg,h") == [
            .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["c", "d"]),
            .record(line: 3, fields: ["e", "f"]), .record(line: 4, fields: ["g", "h"]),
        ])
    }

    @Test func skipsBlankLinesButCountsThem() throws {
        #expect(try Self.read("a\n\n\nb\n") == [.record(line: 1, fields: ["a"]), .record(line: 4, fields: ["b"])])
    }

    @Test func keepsAStrayQuoteInsideAnUnquotedCell() throws {
        #expect(try Self.read("5\" screen,x\n") == [.record(line: 1, fields: ["5\" screen", "x"])])
    }

    @Test func reportsInvalidUTF8WithItsLineAndGoesOn() throws {
        var bytes = Array("a,b\nok,fine\n".utf8)
        bytes += [0x62, 0x61, 0x64, 0xFF, 0x2C, 0x78, 0x0A]   // "bad\xFF,x\n"
        bytes += Array("next,row\n".utf8)
        let items = try Self.read(bytes)
        #expect(items.count == 4)
        #expect(items[2] == .bad(line: 3, message: "column 1 is not valid UTF-8; save the file as UTF-8 and import it again"))
        #expect(items[3] == .record(line: 4, fields: ["next", "row"]))
    }

    @Test func reportsANulByte() throws {
        let items = try Self.read([0x61, 0x2C, 0x00, 0x0A])
        #expect(items == [.bad(line: 1, message: "column 2 contains a NUL byte")])
    }

    @Test func reportsTextAfterAClosingQuote() throws {
        let items = try Self.read("a,b\n\"x\"y,z\nc,d\n")
        #expect(items[1] == .bad(line: 2, message: "column 1 has text after its closing quote; inside a quoted cell write a quote as two quotes (\"\")"))
        #expect(items[2] == .record(line: 3, fields: ["c", "d"]))
    }

    @Test func reportsAQuoteThatIsNeverClosed() throws {
        let items = try Self.read("a,b\nc,\"never\nclosed\n")
        #expect(items.last == .bad(line: 2, message: "a quoted cell opened on this line is never closed (missing \")"))
    }

    @Test func anEmptyFileOrABOMAloneHasNoRecords() throws {
        #expect(try Self.read("").isEmpty)
        #expect(try Self.read([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func roundTripsWhatTheWriterWrites() throws {
        let values = ["=cmd|' /C calc'!A0", "multi\nline", "comma,here", "quote\"here", "ünïcødé 🩺", "  spaced  ", "'"]
        let w = CSVWriter<[String]>(values.indices.map { i in CSVColumn("c\(i)") { $0[i] } })
        let text = w.headerLine() + w.line(values)
        let items = try Self.read(text, blockSize: 5)
        guard case .record(_, let fields) = items[1] else { Issue.record("expected a record"); return }
        #expect(fields.map(CSVCell.unneutralise) == values)
    }
}

@Suite struct CSVReaderLimitTests {
    @Test func aQuoteThatSwallowsTheFileStopsTheReadWithItsLine() throws {
        let text = "a,b\nx,\"" + String(repeating: "y", count: CSVReader.maxRecordBytes + 10) + "\n"
        let reader = CSVReader(text: text)
        #expect(try reader.next() == .record(line: 1, fields: ["a", "b"]))
        #expect(throws: DiscoveryError.failed("line 2: a record longer than 1 MB: probably a quote that is never closed. Nothing after this line was read")) {
            _ = try reader.next()
        }
    }
}
