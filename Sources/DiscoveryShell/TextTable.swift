/// Left-aligned columns separated by two spaces. Cells are never cut: a table that is wider
/// than the terminal wraps rather than hiding data.
public enum TextTable {
    public static func render(_ headers: [String], _ rows: [[String]]) -> String {
        var columns = Columns(headers)
        for row in rows { columns.measure(row) }
        return ([headers] + rows).map(columns.line).joined()
    }

    /// The column widths of a table, measured one row at a time, so a long table can be
    /// printed in a second pass over its rows without keeping them (`lead list`).
    public struct Columns {
        private var widths: [Int]

        public init(_ headers: [String]) { widths = headers.map(\.count) }

        public mutating func measure(_ row: [String]) {
            for (i, cell) in row.enumerated() where cell.count > widths[i] { widths[i] = cell.count }
        }

        /// One line of the table, with its newline; no trailing spaces.
        public func line(_ row: [String]) -> String {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }
    }
}
