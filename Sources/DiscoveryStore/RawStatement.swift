import Foundation
import GRDB
import GRDBSQLite

/// Where a `RawStatement` is prepared: GRDB's connection, inside its reads and changes, or the
/// store's own C-API connection (`ReadConnection`).
protocol RawStatementSource {
    func prepareRaw(_ sql: String) throws -> RawStatement.Prepared
}

extension Database: RawStatementSource {
    /// Compiled by GRDB (its authorizer watches every compilation on its connection), which
    /// owns and finalises the statement.
    func prepareRaw(_ sql: String) throws -> RawStatement.Prepared {
        let statement = try makeStatement(sql: sql)
        guard let connection = sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed") }
        return RawStatement.Prepared(statement: statement.sqliteStatement, connection: connection, owner: statement)
    }
}

/// A prepared statement run through the SQLite C API: bound, stepped and read without GRDB's
/// per-call argument arrays, argument validation and row copies: the import's hot statements,
/// the whole-book cursors and the reads of `ReadConnection`. Errors come out as GRDB's
/// `DatabaseError`, so `StoreErrors` maps them as usual.
final class RawStatement {
    /// A compiled statement, its connection and, when another object finalises it, that object.
    struct Prepared {
        let statement: SQLiteStatement
        let connection: OpaquePointer
        let owner: AnyObject?
    }

    private let handle: SQLiteStatement
    private let connection: OpaquePointer
    /// GRDB's statement, which owns the handle; `nil` when this statement finalises it.
    private let owner: AnyObject?
    private let sql: String

    convenience init(_ source: some RawStatementSource, sql: String) throws {
        self.init(try source.prepareRaw(sql), sql: sql)
    }

    init(_ prepared: Prepared, sql: String) {
        handle = prepared.statement
        connection = prepared.connection
        owner = prepared.owner
        self.sql = sql
    }

    deinit {
        if owner == nil { sqlite3_finalize(handle) }
    }

    /// Runs the statement with `values` bound to its parameters, in order.
    func execute(_ values: [DatabaseValue]) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// The first row's columns read by `read`, or nil when there is none.
    func first<T>(_ values: [DatabaseValue], _ read: (Columns) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? read(Columns(handle: handle)) : nil
    }

    /// The first row for which `read` gives a value, or nil when none does.
    func firstMatching<T>(_ values: [DatabaseValue], _ read: (Columns) throws -> T?) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {
            if let value = try read(Columns(handle: handle)) { return value }
        }
        return nil
    }

    /// Steps through the rows of the statement bound to `values`, one `read` each, in order:
    /// the whole-book cursors' way of reading a table without a GRDB row per step.
    func forEach(_ values: [DatabaseValue] = [], _ read: (Columns) throws -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() { try read(Columns(handle: handle)) }
    }

    /// Binds `values` and leaves the statement before its first row, for `next()`.
    func start(_ values: [DatabaseValue] = []) throws { try bind(values) }

    /// The next row after `start`, or nil (and the statement reset) when there is none.
    func next() throws -> Columns? {
        if try step() { return Columns(handle: handle) }
        sqlite3_reset(handle)
        return nil
    }

    /// The current row of a statement.
    struct Columns: PositionalRow {
        let handle: SQLiteStatement

        func int64(_ i: Int32) -> Int64? {
            sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, i)
        }

        func text(_ i: Int32) -> String? {
            bytes(i).map { String(decoding: $0, as: UTF8.self) }
        }

        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

        func double(_ i: Int32) -> Double? {
            sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_double(handle, i)
        }

        /// The column's text as SQLite holds it, valid until the statement steps on; `nil` for NULL.
        func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard sqlite3_column_type(handle, i) != SQLITE_NULL, let p = sqlite3_column_text(handle, i) else { return nil }
            // The bytes with their length, as SQLite counts them: no scan for the terminator.
            return UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self),
                                       count: Int(sqlite3_column_bytes(handle, i)))
        }

        /// Parsed from the column's bytes in place: no string made for it.
        func storedDate(_ i: Int32) -> Date? {
            guard sqlite3_column_type(handle, i) == SQLITE_TEXT else { return nil }
            return bytes(i).flatMap(StoredDate.parse(bytes:))
        }

        func columnName(_ i: Int32) -> String {
            sqlite3_column_name(handle, i).map { String(cString: $0) } ?? "column \(i)"
        }
    }

    private func bind(_ values: [DatabaseValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, value) in zip(Int32(1)..., values) {
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, i)
            case .int64(let n): code = sqlite3_bind_int64(handle, i, n)
            case .double(let d): code = sqlite3_bind_double(handle, i, d)
            case .string(var s):
                // The string's own UTF-8 bytes, with their length: no C-string copy.
                code = s.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, i, "", 0, transient)   // a null pointer would bind NULL
                    }
                    return sqlite3_bind_text(handle, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                             Int32(bytes.count), transient)
                }
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), transient) }
            }
            if code != SQLITE_OK { throw error(code) }
        }
    }

    /// True when a row is ready, false when done.
    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let e = error(code)
            sqlite3_reset(handle)
            throw e
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
