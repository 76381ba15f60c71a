import DiscoveryCore
import Foundation
import GRDB

/// A row read by column position, as the decoders of `RawRows` read it: a `RawStatement`'s
/// current row, or the columns of a joined table within it (`ColumnsFrom`). Every read of a
/// fixed-list value or a date is loud about what this version does not know, as `Rows` is.
protocol PositionalRow {
    func int64(_ i: Int32) -> Int64?
    func text(_ i: Int32) -> String?
    /// Whether the column is NULL, told without making a string of it.
    func isNull(_ i: Int32) -> Bool
    /// The column's name, for an error message.
    func columnName(_ i: Int32) -> String
    /// The column's date in the stored format (`StoredDate.parse`), `nil` for anything else.
    func storedDate(_ i: Int32) -> Date?
}

extension PositionalRow {
    /// A column that may be NULL as an `Int`.
    func int(_ i: Int32) -> Int? { int64(i).map { Int($0) } }

    /// A value of a fixed list: column `i` of row `row` of `table`.
    func value<T: RawRepresentable>(_ type: T.Type, _ i: Int32, table: String, row: Int64?) throws -> T where T.RawValue == String {
        let stored = text(i) ?? ""
        guard let value = T(rawValue: stored) else {
            throw Rows.unknown(table: table, row: row, column: columnName(i), value: text(i) ?? "NULL")
        }
        return value
    }

    /// The same for a column that may be NULL.
    func optional<T: RawRepresentable>(_ type: T.Type, _ i: Int32, table: String, row: Int64?) throws -> T? where T.RawValue == String {
        isNull(i) ? nil : try value(type, i, table: table, row: row)
    }

    /// A stored date (see `StoredDate`): column `i` of row `row` of `table`.
    func storedDate(_ i: Int32) -> Date? { text(i).flatMap(StoredDate.parse) }

    func date(_ i: Int32, table: String, row: Int64?) throws -> Date {
        if let date = storedDate(i) { return date }
        guard let stored = text(i), let date = StoredDate.decode(stored.databaseValue) else {
            throw Rows.unknown(table: table, row: row, column: columnName(i), value: text(i) ?? "NULL")
        }
        return date
    }

    /// A stored date in a column that may be NULL.
    func optionalDate(_ i: Int32, table: String, row: Int64?) throws -> Date? {
        isNull(i) ? nil : try date(i, table: table, row: row)
    }
}
