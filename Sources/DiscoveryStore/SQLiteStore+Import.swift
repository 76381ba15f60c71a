import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: ImportStorage {
    /// Rows are matched and merged as `ImportFlow` says, on `SQLiteImportBook`. With `dryRun` every batch runs inside
    /// one transaction that is rolled back: the counts are exact and nothing is written.
    public func importRows(_ options: ImportOptions, next: () throws(DiscoveryError) -> ImportItem?,
                           onBad: (ImportRowError) -> Void, progress: (ImportTally) -> Void) throws(DiscoveryError) -> ImportTally {
        var flow = ImportFlow(options: options)
        /// Prepared in the first batch, for the connection of the import.
        var statements: ImportStatements?
        var finished = false
        var batchStartLine = 1
        func runBatch(_ db: Database, _ audit: AuditWriter) throws {
            let sql = try statements ?? ImportStatements(db)
            statements = sql
            var book = SQLiteImportBook(db: db, audit: audit, statements: sql, at: options.at)
            var n = 0
            while n < options.batchSize {
                guard let item = try next() else { finished = true; break }
                switch item {
                case .bad(let e):
                    flow.tally.skipped += 1
                    onBad(e)
                case .record(let r):
                    if n == 0 { batchStartLine = r.line }
                    if let conflict = try flow.apply(r, book: &book) { onBad(conflict) }
                    n += 1
                }
                if (flow.tally.rows % 500) == 0 { progress(flow.tally) }
            }
            try book.flushAudit()
            flow.endBatch()
        }
        do {
            let queue = try queue
            let tuning = try ImportTuning(queue)
            defer { tuning.restore(queue) }
            if options.dryRun {
                try queue.writeWithoutTransaction { db in
                    try db.inTransaction {
                        let audit = AuditWriter(db: db, actor: options.actor, at: options.at)
                        while !finished { try runBatch(db, audit) }
                        return .rollback
                    }
                }
            } else {
                while !finished {
                    try change(actor: options.actor, at: options.at) { db, audit in try runBatch(db, audit) }
                }
            }
        } catch let e as DiscoveryError where e.kind == .storage && !options.dryRun {
            throw DiscoveryError.storage("\(e.message). Rows before line \(batchStartLine) were imported; import the file again to add the rest (rows already imported are found and left as they are)")
        } catch let e as DiscoveryError {
            throw e
        } catch {
            throw StoreErrors.map(error, path: path)
        }
        progress(flow.tally)
        return flow.tally
    }
}

/// The page cache and WAL checkpoint interval for the length of an import. Each batch of
/// thousands of rows touches pages all over the email and organisation indexes: with SQLite's default
/// 2 MB cache they are read back from disk every batch, and with a checkpoint every 1,000 WAL
/// pages they are copied into the database after nearly every batch. The connection gets its
/// settings back when the import ends (the interactive shell keeps it open).
struct ImportTuning {
    /// 32 MiB of page cache (a negative size is in KiB).
    static let cacheKiB = 32_768
    /// A checkpoint every 8,192 pages (32 MiB of WAL at 4 KiB pages).
    static let checkpointPages = 8_192
    let cacheSize: Int
    let checkpoint: Int

    init(_ queue: DatabaseQueue) throws {
        (cacheSize, checkpoint) = try queue.writeWithoutTransaction { db in
            let old = (try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000,
                       try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000)
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
            return old
        }
    }

    func restore(_ queue: DatabaseQueue) {
        // Settings of this connection only; nothing to lose if it fails.
        try? queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpoint)")
        }
    }
}
