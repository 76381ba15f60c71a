import DiscoveryCore
import DiscoveryStorage
import Foundation
import PostgresNIO
import Synchronization

/// The storage interface (`DiscoveryStorage`) on one shared PostgreSQL database. One connection
/// per process (`BlockingConnection`), reconnected when the server dropped it. Every change is
/// one transaction (READ COMMITTED) that first locks the rows it decides on (`FOR UPDATE` on the
/// lead), which is what SQLite's single writer gives the SQLite store; reads are one REPEATABLE
/// READ transaction, so a report sees one state.
public final class PostgresStore: @unchecked Sendable {
    public let location: PostgresLocation
    private var connection: BlockingConnection?
    /// How many leads one statement of the book read (`forEachQualificationRecord`) brings.
    public var recordPageSize = 500
    /// Who we are and the model in force, as `open` found them (nil before, or after `connect`).
    public internal(set) var opening: Opening?
    /// One statement at a time on the connection (the store is `Sendable`).
    private let lock = NSRecursiveLock()

    /// The statements this process has sent to PostgreSQL (each one round trip), and the
    /// connections it opened; for `DISCOVERY_ROUND_TRIPS=1`.
    public static var roundTrips: (statements: Int, connections: Int) {
        (BlockingConnection.roundTrips.load(ordering: .relaxed), BlockingConnection.connections.load(ordering: .relaxed))
    }

    /// How long a change waits for a teammate's lock before giving up (as SQLite's busy timeout).
    public static let lockTimeoutSeconds = 5

    init(location: PostgresLocation, connection: BlockingConnection) {
        self.location = location
        self.connection = connection
    }

    deinit { connection?.close() }

    /// Connects and checks the schema: refuses a database that is not a discovery one, or whose
    /// schema is older (run `db migrate`) or newer (upgrade discovery) than this version's. The
    /// check, who we are and the model in force are one statement (`opening`).
    public static func open(_ location: PostgresLocation) throws(DiscoveryError) -> PostgresStore {
        let store = try connect(location)
        let opening = try store.openingState()
        let state: SchemaState
        if let opening { state = .version(opening.schemaVersion) } else { state = try store.schemaState() }
        switch state {
        case .missing:
            throw .storage("\(location.host):\(location.port)/\(location.database): not a discovery database (no discovery schema); run `discovery db init` once for the team")
        case .version(let v) where v < PostgresSchema.version:
            throw .storage("\(location.host):\(location.port)/\(location.database): the team database has schema version \(v), this discovery needs \(PostgresSchema.version); run `discovery db migrate` (nothing was changed)")
        case .version(let v) where v > PostgresSchema.version:
            throw .storage("\(location.host):\(location.port)/\(location.database): the database was written by a newer version of discovery (schema \(v)); upgrade discovery to open it")
        case .version:
            store.opening = opening
            return store
        }
    }

    /// Connects without looking at the schema (`db init`, `db migrate`, `db status`).
    public static func connect(_ location: PostgresLocation) throws(DiscoveryError) -> PostgresStore {
        let config = try location.configuration()
        do {
            return PostgresStore(location: location, connection: try BlockingConnection.open(config))
        } catch {
            throw PostgresErrors.map(error, location, inChange: false, connecting: true)
        }
    }

    /// The open connection, reconnecting once when the server dropped the last one (a restarted
    /// server, an idle shell).
    private func liveConnection() throws -> BlockingConnection {
        if let connection, !connection.isClosed { return connection }
        connection?.close()
        let fresh = try BlockingConnection.open(try location.configuration())
        connection = fresh
        return fresh
    }

    /// Runs `body` in one transaction: BEGIN, the statements, COMMIT (ROLLBACK on any error, or when not `commit`).
    private func transaction<T>(_ begin: String, inChange: Bool, commit: Bool = true,
                                _ body: (SQLSession) throws -> T) throws(DiscoveryError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            var conn = try liveConnection()
            var session = SQLSession(connection: conn)
            do {
                try session.exec(begin)
            } catch where Self.isConnectionLost(error) {
                // Lost while idle (a restarted server, a killed backend): nothing was sent yet, so
                // one fresh connection and a second BEGIN are safe.
                connection?.close()
                connection = nil
                conn = try liveConnection()
                session = SQLSession(connection: conn)
                try session.exec(begin)
            }
            do {
                let result = try body(session)
                try session.exec(commit ? "COMMIT" : "ROLLBACK")
                return result
            } catch {
                // A COPY still under way ends first (its own error, if any, is not this one's cause).
                try? conn.settle()
                if !conn.isClosed { _ = try? session.exec("ROLLBACK") }
                throw error
            }
        } catch {
            throw PostgresErrors.map(error, location, inChange: inChange)
        }
    }

    static func isConnectionLost(_ error: Error) -> Bool {
        guard let psql = error as? PSQLError else { return false }
        if let state = psql.serverInfo?[.sqlState] { return state.hasPrefix("57P") || state.hasPrefix("08") }
        return psql.code == .serverClosedConnection || psql.code == .clientClosedConnection || psql.code == .uncleanShutdown
            || psql.code == .connectionError
    }

    /// Runs a read of one statement, outside a transaction: a statement sees one state of the
    /// database by itself, so BEGIN and COMMIT would only add two round trips. A connection
    /// lost while idle is reopened once (a read is safe to send again).
    func statement<T>(_ body: (SQLSession) throws -> T) throws(DiscoveryError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            do {
                return try body(SQLSession(connection: try liveConnection()))
            } catch where Self.isConnectionLost(error) {
                connection?.close()
                connection = nil
                return try body(SQLSession(connection: try liveConnection()))
            }
        } catch {
            throw PostgresErrors.map(error, location, inChange: false)
        }
    }

    /// Runs a read, seeing one state of the database.
    func read<T>(_ body: (SQLSession) throws -> T) throws(DiscoveryError) -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", inChange: false, body)
    }

    /// Runs one change as one transaction, with an audit writer for its entries.
    func change<T>(actor: String, at: Date, _ body: (SQLSession, AuditLog) throws -> T) throws(DiscoveryError) -> T {
        // lock_timeout is the session's (a start-up parameter, `configuration()`).
        try transaction("BEGIN", inChange: true) { s in
            try body(s, AuditLog(session: s, actor: actor, at: at))
        }
    }

    /// Statements outside a transaction of the store's (DDL of `db init`, `db migrate`).
    func administer<T>(_ body: (SQLSession) throws -> T) throws(DiscoveryError) -> T {
        try transaction("BEGIN", inChange: true, body)
    }
}

/// The statements of one transaction on the connection.
struct SQLSession {
    let connection: BlockingConnection

    @discardableResult
    func exec(_ sql: String, _ values: SQLValue...) throws -> Int {
        try connection.run(sql, SQLValue.bindings(values)).affected
    }

    @discardableResult
    func exec(_ sql: String, values: [SQLValue]) throws -> Int {
        try connection.run(sql, SQLValue.bindings(values)).affected
    }

    func rows(_ sql: String, _ values: SQLValue...) throws -> [SQLRow] {
        try rows(sql, values: values)
    }

    func rows(_ sql: String, values: [SQLValue]) throws -> [SQLRow] {
        try connection.run(sql, SQLValue.bindings(values)).rows.map(SQLRow.init)
    }

    func one(_ sql: String, _ values: SQLValue...) throws -> SQLRow? {
        try rows(sql, values: values).first
    }

    /// An INSERT ... RETURNING id: the id the database gave the new row.
    func insert(_ sql: String, _ values: SQLValue...) throws -> Int64 {
        try insert(sql, values: values)
    }

    func insert(_ sql: String, values: [SQLValue]) throws -> Int64 {
        guard let row = try rows(sql + " RETURNING id", values: values).first else {
            throw DiscoveryError.storage("the database returned no id for a new row")
        }
        return try row.int64(required: "id")
    }

    /// `COPY table (columns) FROM STDIN` of `rows`: one round trip, all rows or none. With
    /// `waiting: false` the next statement waits for it (`BlockingConnection.copy`).
    func copy(into table: String, columns: [String], rows: CopyRows, waiting: Bool = true) throws {
        try connection.copy(into: table, columns: columns, rows: rows, waiting: waiting)
    }

    func exists(_ sql: String, _ values: SQLValue...) throws -> Bool {
        try !rows(sql, values: values).isEmpty
    }
}

extension PostgresStore {
    /// Runs `body` as a change and rolls it back: what it would do, nothing written (`import --dry-run`).
    func dryRun(actor: String, at: Date, _ body: (SQLSession, AuditLog) throws -> Void) throws(DiscoveryError) {
        try transaction("BEGIN", inChange: true, commit: false) { s in
            try body(s, AuditLog(session: s, actor: actor, at: at))
        }
    }
}

extension PostgresStore: StorageLifetime {
    /// Ends the session; a later statement would connect again, but none is made.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        connection?.close()
        connection = nil
    }
}
