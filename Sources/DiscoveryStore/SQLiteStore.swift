import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB
import Synchronization

/// The storage interface (`DiscoveryStorage`) on one SQLite file. Every change is one committed
/// transaction (WAL, `synchronous=FULL`) that also appends its audit entries, through GRDB's
/// connection; the reads made of `RawStatement`s alone go through the store's C-API connection
/// (`ReadConnection`), and GRDB's connection is opened when it is first needed.
public final class SQLiteStore: Sendable {
    /// The database file, as given.
    public let path: String
    let reader: ReadConnection
    /// GRDB's connection once opened; `closed` once the store is closed (it is not reopened).
    private let writer = Mutex<(queue: DatabaseQueue?, closed: Bool)>((nil, false))

    /// How long a second process waits for a lock before giving up.
    public static let busyTimeout: TimeInterval = 5

    private init(path: String, reader: ReadConnection) {
        self.path = path
        self.reader = reader
    }

    /// Opens (creating it owner-only if missing) and migrates the database at `path`.
    /// Refuses, without modifying it, a file that is empty, not a SQLite database, corrupt,
    /// not ours, or written by a newer version.
    public static func open(path: String) throws(DiscoveryError) -> SQLiteStore {
        // stat(2), not FileManager: this runs on every start, and FileManager's first use is a
        // measurable part of a short command.
        var st = stat()
        let existed = stat(path, &st) == 0
        if existed {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .storage("\(path): is a directory, not a database file") }
            try checkExistingFile(path)
        } else {
            try createOwnerOnly(path)
        }
        let store: SQLiteStore
        do {
            store = SQLiteStore(path: path, reader: try ReadConnection(path: path))
        } catch {
            throw StoreErrors.map(error, path: path)
        }
        try store.prepare(existed: existed)
        return store
    }

    /// GRDB's connection, opened on first use: foreign keys on, `synchronous=FULL` (checked).
    var queue: DatabaseQueue {
        get throws(DiscoveryError) {
            try writer.withLock { (state: inout (queue: DatabaseQueue?, closed: Bool)) throws(DiscoveryError) -> DatabaseQueue in
                if let queue = state.queue { return queue }
                guard !state.closed else { throw .storage("\(path): the database is closed") }
                let opened = try Self.openQueue(path: path)
                state.queue = opened
                return opened
            }
        }
    }

    /// Whether GRDB's connection has been opened (tests: the reads of `ReadConnection` never open it).
    var isWriterOpen: Bool { writer.withLock { $0.queue != nil } }

    private static func openQueue(path: String) throws(DiscoveryError) -> DatabaseQueue {
        var config = Configuration()
        // WAL is set by the open (`prepare`) rather than through GRDB's `.wal`, which writes on
        // open and so would refuse a read-only database that could still be read.
        config.busyMode = .timeout(busyTimeout)
        // Foreign keys and FULL synchronous are set by C-level statements rather than through
        // GRDB's `foreignKeysEnabled` and `execute(sql:)`, GRDB's SQL-literal path with its
        // run-time generic look-ups. GRDB's migrator reads the foreign-keys pragma itself, so it
        // sees them on either way (`StoreOpenTests` checks both pragmas). FULL, so an
        // acknowledged answer survives a power cut.
        config.foreignKeysEnabled = false
        config.prepareDatabase { db in
            try RawStatement(db, sql: "PRAGMA foreign_keys = ON").execute([])
            try RawStatement(db, sql: "PRAGMA synchronous = FULL").execute([])
            let sync = try RawStatement(db, sql: "PRAGMA synchronous").first([]) { $0.int64(0) } ?? nil
            guard sync == 2 else {
                throw DiscoveryError.storage("\(path): could not set synchronous=FULL (got \(sync ?? -1))")
            }
        }
        do {
            return try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    private func prepare(existed: Bool) throws(DiscoveryError) {
        try mappingErrors {
            let needsMigration = try reader.withoutTransaction { db -> Bool in
                // Through the C API: this runs on every start.
                let mode = try RawStatement(db, sql: "PRAGMA journal_mode = WAL").first([]) { $0.text(0) } ?? nil
                guard mode == "wal" else {
                    throw DiscoveryError.storage("\(path): could not switch the database to WAL mode (got \(mode ?? "nothing"))")
                }
                // One look at the applied migrations (what GRDB's hasBeenSuperseded and
                // hasCompletedMigrations each query again).
                let tables = existed ? try Self.texts(db, "SELECT name FROM sqlite_master WHERE type = 'table'") : []
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw DiscoveryError.storage("\(path): this SQLite file is not a discovery database; pass another --db")
                }
                let applied = tables.contains("grdb_migrations")
                    ? Set(try Self.texts(db, "SELECT identifier FROM grdb_migrations")) : []
                let known = Set(Schema.migrations.map { $0.identifier })
                if !applied.isSubset(of: known) {
                    throw DiscoveryError.storage("\(path): the database was written by a newer version of discovery; upgrade discovery to open it")
                }
                return !known.isSubset(of: applied)
            }
            // An up-to-date database is not written to on open, so a read-only one can still be read.
            if needsMigration {
                try Schema.migrator.migrate(try queue)
            }
        }
    }

    /// The first column of every row of `sql`.
    private static func texts(_ db: some RawStatementSource, _ sql: String) throws -> [String] {
        var all: [String] = []
        try RawStatement(db, sql: sql).forEach { row in if let text = row.text(0) { all.append(text) } }
        return all
    }

    private static func checkExistingFile(_ path: String) throws(DiscoveryError) {
        // open and read rather than FileHandle and Data: this runs on every start, and Foundation's
        // generic byte handling costs runtime type look-ups there.
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .storage("\(path): cannot read the database file (permission denied?)")
        }
        defer { Foundation.close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        var count = 0
        while count < header.count {
            let n = header.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Foundation.read(fd, $0 + count, buffer.count - count) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        if count == 0 {
            throw .storage("\(path): the database file is empty (0 bytes); it holds no data. Move it away or pass another --db")
        }
        if count < header.count || header != Array("SQLite format 3\0".utf8) {
            throw .storage("\(path): not a SQLite database (corrupt or another kind of file); it was left untouched")
        }
    }

    private static func createOwnerOnly(_ path: String) throws(DiscoveryError) {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .storage("\(dir): cannot create the database folder: \(error.localizedDescription)")
            }
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .storage("\(path): cannot create the database file (folder missing or read-only?)")
        }
    }

    /// Runs a read made of GRDB's rows, on GRDB's connection.
    func read<T>(_ body: (Database) throws -> T) throws(DiscoveryError) -> T {
        try mappingErrors { try queue.read(body) }
    }

    /// Runs a read made of `RawStatement`s alone, in one transaction on the C-API connection.
    func rawRead<T>(_ body: (ReadConnection) throws -> T) throws(DiscoveryError) -> T {
        try mappingErrors { try reader.read(body) }
    }

    /// Runs one change as one transaction, with an audit writer for its entries.
    func change<T>(actor: String, at: Date, _ body: (Database, AuditWriter) throws -> T) throws(DiscoveryError) -> T {
        try mappingErrors {
            try queue.write { db in
                let audit = AuditWriter(db: db, actor: actor, at: at)
                return try body(db, audit)
            }
        }
    }

    /// `body`, its errors as `StoreErrors` words them (ours pass through as they are).
    private func mappingErrors<T>(_ body: () throws -> T) throws(DiscoveryError) -> T {
        do {
            return try body()
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// One pragma's value, from an allow-list (tests and diagnostics: `PRAGMA integrity_check` is
    /// text). SQLite only: not part of the storage interface.
    public func pragma(_ name: String) throws(DiscoveryError) -> String? {
        let allowed: Set<String> = ["synchronous", "journal_mode", "integrity_check", "busy_timeout", "foreign_keys"]
        guard allowed.contains(name) else { throw .failed("unknown pragma \(name)") }
        return try read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

extension SQLiteStore: StorageLifetime {
    /// Closes the connection (checkpointing the WAL); a failure leaves the WAL for the next
    /// open to recover, as after a crash: every change was committed when it was made.
    public func close() {
        let queue = writer.withLock { state in
            state.closed = true
            return state.queue
        }
        try? queue?.close()
        reader.close()
    }
}
