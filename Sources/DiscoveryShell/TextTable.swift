/// Left-aligned columns separated by two spaces. Cells are never cut: a table that is wider
/// than the terminal wraps rather than hiding data.
public enum TextTable {
    public static func render(_ headers: [String], _ rows: [[String]]) -> String {
        var columns = Columns(headers)
        for row in rows { columns.measure(row) }
        return ([headers] + rows).map(columns.line).joined()
    }

    /// How wide `cell` is: its characters, as `String.count` counts them (a letter with its
    /// combining accents, an emoji sequence, CR LF: one each). Text of ASCII without CR has one
    /// character per byte, told without walking the graphemes.
    static func width(of cell: String) -> Int {
        isPlain(cell) ? cell.utf8.count : cell.count
    }

    /// ASCII without CR: one character per byte, and a trailing space byte is a trailing space
    /// character.
    static func isPlain(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { bytes in
            for b in bytes where b >= 0x80 || b == 0x0D { return false }
            return true
        }
    }

    /// The column widths of a table, measured one row at a time, so a long table can be
    /// printed in a second pass over its rows without keeping them (`lead list`).
    public struct Columns {
        private var widths: [Int]

        public init(_ headers: [String]) { widths = headers.map(TextTable.width) }

        public mutating func measure(_ row: [String]) {
            for (i, cell) in row.enumerated() {
                let width = TextTable.width(of: cell)
                if width > widths[i] { widths[i] = width }
            }
        }

        /// One line of the table, with its newline; no trailing spaces. (A cell wider than its
        /// column, measured before the book changed, is followed by the two spaces only.)
        public func line(_ row: [String]) -> String {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: max(widths[i] - cell.count, 0) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }

        /// Appends `line(row)`'s UTF-8 bytes to `bytes`: written straight into the buffer when
        /// every cell is plain (`isPlain`), through `line` otherwise, so the text is the same.
        public func appendLine(_ row: [String], to bytes: inout [UInt8]) {
            guard row.allSatisfy(TextTable.isPlain) else {
                bytes.append(contentsOf: line(row).utf8)
                return
            }
            let start = bytes.count
            for (i, cell) in row.enumerated() {
                bytes.append(contentsOf: cell.utf8)
                if i < row.count - 1 {
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(widths[i] - cell.utf8.count, 0) + 2))
                }
            }
            while bytes.count > start, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
            bytes.append(UInt8(ascii: "\n"))
        }
    }
}
