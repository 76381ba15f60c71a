import Testing
@testable import DiscoveryShell

/// `TextTable`'s columns: widths in characters as `String.count` counts them, whatever the
/// bytes or code points, and the line written straight into bytes the same as the text line.
@Suite struct TextTableTests {
    /// Cells whose characters, code points and bytes differ in count, and the ASCII corners.
    static let cells = [
        "", " ", "plain", "Île", "I\u{302}le-de-France", "👩‍⚕️", "e\u{301}cole", "a\r\nb", "\r", "tab\there", "trailing  ",
        "\u{600} ", "\u{7F}", "\"quoted\"", "中文",
    ]

    @Test(arguments: cells) func aCellIsAsWideAsItsCharacters(cell: String) {
        #expect(TextTable.width(of: cell) == cell.count)
    }

    @Test func aLineWrittenAsBytesIsTheTextLine() {
        let rows = Self.cells.indices.map { i in (0..<4).map { Self.cells[(i + $0 * 5) % Self.cells.count] } }
        var columns = TextTable.Columns(["A", "B", "C", "D"])
        for row in rows.dropLast(3) { columns.measure(row) }   // the last rows may be wider than measured
        for row in rows + [["", "", "", ""], ["x", "", " ", "  "]] {
            var bytes: [UInt8] = [0x41]
            columns.appendLine(row, to: &bytes)
            #expect(bytes == [0x41] + Array(columns.line(row).utf8), "\(row)")
        }
    }

    /// A region of decomposed letters and an emoji owner: padded by their characters (neither by
    /// code points nor bytes); trailing spaces of the last cell dropped.
    @Test func leadListPadsByCharacters() throws {
        let t = try TestShell()
        t.run("lead new Plain --region 'I\u{302}le-de-France'")
        t.run("lead new 'Zoë  ' --region '👩‍⚕️' --owner 'e\u{301}a'")
        let r = t.output("lead list")
        #expect(r.code == 0)
        #expect(r.out == """
            ID  STAGE  PROFILE            OWNER  REGION         ORGANISATION
            L1  new    capital-equipment  rep    I\u{302}le-de-France  Plain
            L2  new    capital-equipment  e\u{301}a     👩‍⚕️              Zoë

            """)
    }
}
