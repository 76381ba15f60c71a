/// Renders CSV records as RFC 4180 text: UTF-8, a header row, fields separated by commas,
/// records ended by CRLF (the RFC's line break, which Excel, HubSpot and Salesforce all read).
/// Every cell is neutralised against formula injection before it is quoted.
public struct CSVWriter: Sendable {
    /// RFC 4180 §2.1: each record ends with CRLF.
    public static let lineEnding = "\r\n"

    /// Column names, in order.
    public let header: [String]
    /// The columns that hold phone numbers (their strict phone numbers are kept intact).
    public let phoneColumns: Set<String>

    public init(header: [String], phoneColumns: Set<String> = []) {
        self.header = header
        self.phoneColumns = phoneColumns
    }

    /// The header record.
    public func headerLine() -> String {
        header.map { CSVCell.render($0) }.joined(separator: ",") + Self.lineEnding
    }

    /// One record; `cells` maps column names to values (a missing column is an empty cell).
    public func line(_ cells: [String: String]) -> String {
        header.map { column in
            CSVCell.render(cells[column] ?? "", isPhone: phoneColumns.contains(column))
        }.joined(separator: ",") + Self.lineEnding
    }
}
