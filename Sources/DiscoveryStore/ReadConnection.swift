import Foundation
import GRDB
import GRDBSQLite

/// The store's own connection to its file through the SQLite C API. It opens the file, puts it
/// in WAL mode, checks the applied migrations, and serves the reads made of `RawStatement`s
/// alone, so a command that makes only those never sets up GRDB's connection, whose set-up
/// was most of a short command's time (docs/performance.md, "Session 8"). Changes, and the
/// reads made of GRDB's rows, go through GRDB's connection (`SQLiteStore.queue`).
///
/// `@unchecked Sendable`: the handle is used only under `lock`, one transaction at a time.
final class ReadConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Recursive, so that a read started inside a read is refused (`isInUse`) rather than
    /// waiting for itself.
    private let lock = NSRecursiveLock()
    private var isClosed = false
    private var isInUse = false
    /// `cachedRaw`'s statements, used only inside a read (under the lock).
    private var cache: [String: RawStatement] = [:]

    /// Opens the existing file at `path` for reading and writing (read-only when the file is,
    /// as SQLite does), with extended result codes and the store's busy timeout.
    init(path: String) throws {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            sqlite3_close_v2(opened)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        sqlite3_busy_timeout(opened, Int32(SQLiteStore.busyTimeout * 1000))
    }

    deinit {
        if !isClosed { sqlite3_close_v2(handle) }
    }

    /// Runs `body` in one read transaction: every statement it makes sees the same snapshot.
    func read<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        try locked {
            try execute("BEGIN DEFERRED")
            do {
                let value = try body(self)
                try execute("COMMIT")
                return value
            } catch {
                sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
                throw error
            }
        }
    }

    /// Runs `body` outside a transaction (the pragmas and checks of the open).
    func withoutTransaction<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        try locked { try body(self) }
    }

    /// Closes the connection once every statement made on it is finalised (the last
    /// connection to the file to close checkpoints the WAL).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        cache = [:]
        sqlite3_close_v2(handle)
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed") }
        guard !isInUse else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a read started inside a read") }
        isInUse = true
        defer { isInUse = false }
        return try body()
    }

    private func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    /// SQLite's error for `code`, with the connection's message (never a bound value).
    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: sqlite3_errmsg(handle).map { String(cString: $0) }, sql: sql)
    }
}

extension ReadConnection: RawStatementSource {
    func prepareRaw(_ sql: String) throws -> RawStatement.Prepared {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return RawStatement.Prepared(statement: statement, connection: handle, owner: nil)
    }

    /// The statement for `sql`, compiled once for the connection's life: for the reads of one
    /// lead, which run again and again (`report scores` reads stale leads one by one). Not for
    /// a statement that may be in use already (a cursor still open).
    func cachedRaw(_ sql: String) throws -> RawStatement {
        if let statement = cache[sql] { return statement }
        let statement = try RawStatement(self, sql: sql)
        cache[sql] = statement
        return statement
    }
}
