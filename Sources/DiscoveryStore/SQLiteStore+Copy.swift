import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// `db copy`: whole tables in and out (`CopySchema` names them and their columns).
extension SQLiteStore: CopyStorage {
    public func readRows(of tables: [CopySchema.Table], block: Int,
                         _ body: (CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        try read { db in
            for table in tables {
                let columns = table.columns.map(\.name).joined(separator: ", ")
                // Table and column names come from `CopySchema`, never from user text.
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name) ORDER BY \(table.columns[0].name)")
                var rows: [[StoredCell]] = []
                while let row = try cursor.next() {
                    rows.append(table.columns.enumerated().map { i, column in Self.cell(row[i] as DatabaseValue, column.kind) })
                    if rows.count == block { try body(table, rows); rows.removeAll(keepingCapacity: true) }
                }
                if !rows.isEmpty { try body(table, rows) }
            }
        }
    }

    private static func cell(_ value: DatabaseValue, _ kind: CopySchema.Kind) -> StoredCell {
        if value.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(value).map(StoredCell.integer) ?? .null
        case .text: return String.fromDatabaseValue(value).map(StoredCell.text) ?? .null
        case .date: return StoredDate.decode(value).map(StoredCell.date) ?? .null
        }
    }

    public func writeRows(_ next: ((CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        do {
            try queue.write { db in
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM lead") ?? 0 > 0 {
                    throw DiscoveryError.failed("\(path) already holds leads; db copy writes only into an empty database (nothing was changed)")
                }
                try next { (table: CopySchema.Table, rows: [[StoredCell]]) throws(DiscoveryError) in
                    do {
                        let columns = table.columns.map(\.name)
                        let statement = try db.cachedStatement(sql: """
                            INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                            """)
                        for row in rows {
                            try statement.execute(arguments: StatementArguments(row.map { cell -> DatabaseValueConvertible? in
                                switch cell {
                                case .null: nil
                                case .integer(let i): i
                                case .text(let t): t
                                case .date(let d): d
                                }
                            }))
                        }
                    } catch let e as DiscoveryError {
                        throw e
                    } catch {
                        throw StoreErrors.map(error, path: path)
                    }
                }
                // AUTOINCREMENT's counter, past every id the log names too (see `CopySchema.nextIdSQL`).
                for table in CopySchema.tables where table.columns[0].name == "id" {
                    try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
                    try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) SELECT ?, \(CopySchema.nextIdSQL(table.name)) - 1",
                                   arguments: [table.name])
                }
            }
        } catch let e as DiscoveryError {
            throw e
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }
}
