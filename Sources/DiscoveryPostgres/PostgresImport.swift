import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: ImportStorage {
    /// Rows per slice of a batch that `PostgresImportBook` fetches for and writes at once: about
    /// ten round trips a slice instead of several a row. 2,000 rather than 500: a quarter of the
    /// round trips and COPY start-ups, and an organisation's rows (which usually follow one
    /// another) less often split between two slices, where the second one's changes to the
    /// lead are an UPDATE instead of part of the first one's COPY (100,000 rows: 13.8 s → 10.9 s
    /// in one hyperfine run on a loaded machine, docs/team-mode.md).
    static let importSlice = 2_000

    /// One transaction per batch; with `dryRun` the batches run in one transaction that is rolled
    /// back. Rows are matched and merged as `ImportFlow` says, a slice at a time. A batch holds
    /// `EXCLUSIVE` locks on `lead` and `contact`: what the import remembers within the batch stays
    /// true, as SQLite's single writer guarantees there; teammates' reads go on, their writes
    /// wait for the batch.
    public func importRows(_ options: ImportOptions, next: () throws(DiscoveryError) -> ImportItem?,
                           onBad: (ImportRowError) -> Void, progress: (ImportTally) -> Void) throws(DiscoveryError) -> ImportTally {
        var flow = ImportFlow(options: options)
        var finished = false
        var batchStartLine = 1
        var batchStarted = false
        func runSlice(_ s: SQLSession, _ audit: AuditLog, records limit: Int) throws -> Int {
            var items: [ImportItem] = []
            var records: [ImportRecord] = []
            while records.count < limit {
                guard let item = try next() else { finished = true; break }
                items.append(item)
                if case .record(let r) = item {
                    if !batchStarted { batchStartLine = r.line; batchStarted = true }
                    records.append(r)
                }
            }
            guard !records.isEmpty else {
                for case .bad(let e) in items { flow.tally.skipped += 1; onBad(e); reportEvery500() }
                return 0
            }
            var book = try PostgresImportBook(s, records: records, at: options.at, exportKeyLead: flow.lead(exportKey:))
            for item in items {
                switch item {
                case .bad(let e):
                    flow.tally.skipped += 1
                    onBad(e)
                case .record(let r):
                    if let conflict = try flow.apply(r, book: &book) { onBad(conflict) }
                }
                reportEvery500()
            }
            let ids = try book.flush(s, audit)
            flow.endBatch()
            flow.renumberLeads(ids)
            return records.count
        }
        func reportEvery500() {
            if (flow.tally.rows % 500) == 0 { progress(flow.tally) }
        }
        func runBatch(_ s: SQLSession, _ audit: AuditLog) throws {
            try s.exec("LOCK TABLE lead, contact IN EXCLUSIVE MODE")
            // Every lookup of the import is by a key with an index (`PostgresImportBook`). A table
            // that grew during the import (or a new team database) has no statistics for the
            // planner yet, and with 500 keys in `= ANY(...)` it then reads the whole table per
            // slice: 100,000 rows into an empty database spent 6.7 s scanning `contact` alone.
            try s.exec("SET LOCAL enable_seqscan = off")
            var n = 0
            batchStarted = false
            while n < options.batchSize && !finished {
                n += try runSlice(s, audit, records: min(Self.importSlice, options.batchSize - n))
            }
        }
        do {
            if options.dryRun {
                try dryRun(actor: options.actor, at: options.at) { s, audit in
                    while !finished { try runBatch(s, audit) }
                }
            } else {
                while !finished {
                    try change(actor: options.actor, at: options.at) { s, audit in try runBatch(s, audit) }
                }
            }
        } catch let e where e.kind == .storage && !options.dryRun {
            throw DiscoveryError.storage("\(e.message). Rows before line \(batchStartLine) were imported; import the file again to add the rest (rows already imported are found and left as they are)")
        }
        progress(flow.tally)
        return flow.tally
    }
}
