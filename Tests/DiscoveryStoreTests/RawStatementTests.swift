import DiscoveryCore
import Foundation
import GRDB
import Testing
import DiscoveryStorage
@testable import DiscoveryStore

@Suite struct RawStatementTests {
    @Test func bindsAndReadsEveryKindOfValueAsGRDBDoes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d, e)")
            let insert = try RawStatement(db, sql: "INSERT INTO t (a, b, c, d, e) VALUES (?, ?, ?, ?, ?)")
            let values: [DatabaseValue] = [.null, 42.databaseValue, 2.5.databaseValue, "ünï \"q\" 🩺".databaseValue,
                                           Data([0, 1, 2]).databaseValue]
            try insert.execute(values)
            try insert.execute(values)
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM t").map { Array($0.databaseValues) } == [values, values])
            let select = try RawStatement(db, sql: "SELECT a, b, d FROM t WHERE b = ? ORDER BY rowid LIMIT 1")
            let read = try select.first([42.databaseValue]) { c in [c.text(0), c.int64(1).map(String.init), c.text(2)] }
            #expect(read == [nil, "42", "ünï \"q\" 🩺"])
            #expect(try select.first([7.databaseValue]) { $0.int64(1) } == nil)
        }
    }

    @Test func anEmptyStringIsBoundAsEmptyTextNotNull() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a)")
            try RawStatement(db, sql: "INSERT INTO t (a) VALUES (?)").execute(["".databaseValue])
            #expect(try String.fetchOne(db, sql: "SELECT typeof(a) || ':' || a FROM t") == "text:")
        }
    }

    @Test func aFailingStatementThrowsGRDBsErrorAndCanRunAgain() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a NOT NULL)")
            let insert = try RawStatement(db, sql: "INSERT INTO t (a) VALUES (?)")
            let error = try #require(throws: DatabaseError.self) { try insert.execute([.null]) }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.message?.contains("NOT NULL") == true)
            #expect(StoreErrors.map(error, path: "x").kind == .failed)
            try insert.execute(["ok".databaseValue])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }

    @Test func anImportGivesTheConnectionItsSettingsBack() throws {
        let tmp = TempDatabase()
        let store = try SQLiteStore.open(path: tmp.path)
        func settings() throws -> [Int?] {
            try store.queue.read { db in
                [try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")]
            }
        }
        let before = try settings()
        var rows = [ImportItem.record(ImportRecord(line: 2, leadKey: nil, lead: .init(org: "Mercy"), contact: nil))]
        let tally = try store.importRows(ImportOptions(dryRun: false, actor: "t", at: Date(), defaultProfile: "consumables"),
                                         next: { () throws(DiscoveryError) -> ImportItem? in rows.popLast() },
                                         onBad: { _ in }, progress: { _ in })
        #expect(tally.leadsCreated == 1)
        #expect(try settings() == before)
        #expect(before != [-ImportTuning.cacheKiB, ImportTuning.checkpointPages])
    }
}
