import DiscoveryCore
import DiscoveryStorage
import Foundation
import PostgresNIO

/// One result row, its cells found by column name. A missing column or a cell of another type
/// is an error naming the column, never a trap.
struct SQLRow {
    private var cells: [String: PostgresCell] = [:]
    /// A row PostgreSQL sent as a JSON object (`json_agg` of a table's rows, `RecordQuery`).
    private var json: [String: Any]?

    init(_ row: PostgresRow) {
        for cell in row where cells[cell.columnName] == nil { cells[cell.columnName] = cell }
    }

    init(json object: [String: Any]) {
        json = object
    }

    private func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T? where T._DecodableType == T {
        if let json { return try JSONCell.decode(type, json, column) }
        guard let cell = cells[column] else {
            throw DiscoveryError.storage("the database returned no column \(column); is this a discovery database?")
        }
        do {
            return try cell.decode(Optional<T>.self)
        } catch {
            throw DiscoveryError.storage("the database holds an unexpected \(column) (\(cell.dataType)); is the schema current? Run `discovery db status`")
        }
    }

    func text(_ c: String) throws -> String? { try decode(String.self, c) }
    func int64(_ c: String) throws -> Int64? { try decode(Int64.self, c) }
    func int(_ c: String) throws -> Int? { try int64(c).map { Int($0) } }
    func date(_ c: String) throws -> Date? { try decode(Date.self, c) }
    func bool(_ c: String) throws -> Bool? { try decode(Bool.self, c) }
    func double(_ c: String) throws -> Double? { try decode(Double.self, c) }
    func int64s(_ c: String) throws -> [Int64]? { try decode([Int64].self, c) }

    func text(required c: String) throws -> String {
        guard let v = try text(c) else { throw Self.missing(c) }
        return v
    }
    func int64(required c: String) throws -> Int64 {
        guard let v = try int64(c) else { throw Self.missing(c) }
        return v
    }
    func date(required c: String) throws -> Date {
        guard let v = try date(c) else { throw Self.missing(c) }
        return v
    }

    /// A value of a fixed list, read from `column` of a `table` row.
    func value<T: RawRepresentable>(_ type: T.Type, _ column: String, table: String, id: String = "id") throws -> T
        where T.RawValue == String {
        let text = try text(required: column)
        guard let value = T(rawValue: text) else {
            throw StoredValueErrors.unknown(table: table, row: try int64(id), column: column, value: text)
        }
        return value
    }

    func optional<T: RawRepresentable>(_ type: T.Type, _ column: String, table: String, id: String = "id") throws -> T?
        where T.RawValue == String {
        guard let text = try text(column) else { return nil }
        guard let value = T(rawValue: text) else {
            throw StoredValueErrors.unknown(table: table, row: try int64(id), column: column, value: text)
        }
        return value
    }

    private static func missing(_ column: String) -> DiscoveryError {
        .storage("the database holds no \(column) where the schema requires one; is this a discovery database?")
    }
}
