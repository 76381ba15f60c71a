/// One column of a CSV file: its header, whether it holds phone numbers (a strict phone number
/// there is kept as it is), and how its cell is read from a `Row`. A writer's header and its
/// cells come from the same list, so they cannot drift apart.
public struct CSVColumn<Row>: Sendable {
    public let name: String
    public let isPhone: Bool
    public let value: @Sendable (Row) -> String

    public init(_ name: String, isPhone: Bool = false, _ value: @escaping @Sendable (Row) -> String) {
        self.name = name
        self.isPhone = isPhone
        self.value = value
    }
}

/// Renders CSV records as RFC 4180 text: UTF-8, a header row, fields separated by commas,
/// records ended by CRLF (the RFC's line break, which Excel, HubSpot and Salesforce all read).
/// Every cell is neutralised against formula injection before it is quoted.
public struct CSVWriter<Row>: Sendable {
    /// RFC 4180 §2.1: each record ends with CRLF.
    public static var lineEnding: String { "\r\n" }

    public let columns: [CSVColumn<Row>]

    public init(_ columns: [CSVColumn<Row>]) {
        self.columns = columns
    }

    /// Column names, in order.
    public var header: [String] { columns.map(\.name) }

    /// The header record.
    public func headerLine() -> String {
        header.map { CSVCell.render($0) }.joined(separator: ",") + Self.lineEnding
    }

    /// Appends one record to `out`.
    public func append(_ row: Row, to out: inout String) {
        var first = true
        for column in columns {
            if !first { out += "," }
            first = false
            CSVCell.append(column.value(row), isPhone: column.isPhone, to: &out)
        }
        out += Self.lineEnding
    }

    /// One record.
    public func line(_ row: Row) -> String {
        var out = ""
        append(row, to: &out)
        return out
    }
}
