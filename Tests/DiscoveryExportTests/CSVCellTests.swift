import Testing
@testable import DiscoveryExport

@Suite struct CSVCellTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already", "''=already"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func neutralisesEveryTriggerCharacter(input: String, expected: String) {
        #expect(CSVCell.neutralise(input) == expected)
        #expect(CSVCell.unneutralise(CSVCell.neutralise(input)) == input)
    }

    @Test(arguments: ["+1 (555) 010-0100", "(555) 010-0100", "555.010.0100", "+44 20 7946 0958", "+41446681800", "0044 20 7946 0958"])
    func keepsStrictPhoneNumbersInPhoneColumns(phone: String) {
        #expect(PhoneNumber.isStrict(phone))
        #expect(CSVCell.neutralise(phone, isPhone: true) == phone)
    }

    @Test(arguments: ["+1+2", "-2+3", "+SUM(1)", "=1", "+1 (555", "+1 (555) 010-0100 ext 5", "+12", "+1--555-0100-00",
                      "@555 0100 000", "+1 (555)) 010", "+1234567890123456", "+(555 010 0100)"])
    func neutralisesWhatIsNotAStrictPhoneNumber(text: String) {
        #expect(!PhoneNumber.isStrict(text))
        if let first = text.first, CSVCell.triggers.contains(first) {
            #expect(CSVCell.neutralise(text, isPhone: true) == "'" + text)
        }
    }

    @Test func aPhoneOutsideAPhoneColumnIsNeutralised() {
        #expect(CSVCell.neutralise("+1 (555) 010-0100") == "'+1 (555) 010-0100")
    }

    @Test(arguments: [
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""), ("plain", "plain"), ("", ""),
    ])
    func quotesOnlyWhenNeeded(input: String, expected: String) {
        #expect(CSVCell.quote(input) == expected)
    }

    @Test func writerEndsRecordsWithCRLFAndFillsMissingCells() throws {
        let w = CSVWriter<[String: String]>(["a", "phone", "c"].map { name in
            CSVColumn(name, isPhone: name == "phone") { $0[name] ?? "" }
        })
        let text = w.headerLine() + w.line(["a": "=1+2", "phone": "+1 (555) 010-0100"]) + w.line(["c": "x,\"y\"\nz"])
        #expect(text.hasSuffix("\r\n"))
        let rows = try ReferenceCSV.parse(text)
        #expect(rows == [["a", "phone", "c"], ["'=1+2", "+1 (555) 010-0100", ""], ["", "", "x,\"y\"\nz"]])
    }

    /// The checks read the first UTF-8 byte: a trigger followed by a combining mark, or a CRLF,
    /// is neutralised too (a `Character` check missed both), and reads back unchanged.
    @Test(arguments: ["=\u{301}1+2", "\r\ncmd", "-\u{20DD}", "'\u{301}", "ünïcødé", "🩺=1", "\u{301}=1"])
    func checksTheFirstByte(text: String) {
        let neutralised = CSVCell.neutralise(text)
        let first = text.utf8.first ?? 0
        let expected = [UInt8]("=+-@\t\r'".utf8).contains(first)
        #expect(neutralised == (expected ? "'" + text : text))
        #expect(CSVCell.unneutralise(neutralised) == text)
    }

    @Test func unneutraliseLeavesAnApostropheBeforeOtherText() {
        #expect(CSVCell.unneutralise("'") == "'")
        #expect(CSVCell.unneutralise("'abc") == "'abc")
        #expect(CSVCell.unneutralise("'\u{301}") == "'\u{301}")
        #expect(CSVCell.unneutralise("''") == "'")
    }

    @Test(arguments: [("é,\"ü\"", "\"é,\"\"ü\"\"\""), ("\"", "\"\"\"\""), ("🩺\n", "\"🩺\n\""), ("=a,b", "\"'=a,b\"")])
    func rendersQuotedCellsAroundNonASCIIText(input: String, expected: String) {
        #expect(CSVCell.render(input) == expected)
        #expect(CSVCell.render(input) == CSVCell.quote(CSVCell.neutralise(input)))
    }
}
