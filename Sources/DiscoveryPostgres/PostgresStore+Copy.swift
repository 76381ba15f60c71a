import DiscoveryCore
import DiscoveryStorage
import Foundation

/// `db copy`: whole tables in and out (`CopySchema` names them and their columns).
extension PostgresStore: CopyStorage {
    public func readRows(of tables: [CopySchema.Table], block: Int,
                         _ body: (CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        try read { s in
            for table in tables {
                let columns = table.columns.map(\.name).joined(separator: ", ")
                let key = table.columns[0].name
                var after: Int64?
                // Keyset pages of `block` rows: memory stays bounded on a large book.
                while true {
                    // Table and column names come from `CopySchema`, never from user text.
                    let rows = try after.map {
                        try s.rows("SELECT \(columns) FROM \(table.name) WHERE \(key) > $1 ORDER BY \(key) LIMIT \(block)", .i($0))
                    } ?? s.rows("SELECT \(columns) FROM \(table.name) ORDER BY \(key) LIMIT \(block)")
                    if rows.isEmpty { break }
                    let cells = try rows.map { row in
                        try table.columns.map { column -> StoredCell in
                            switch column.kind {
                            case .integer: return try row.int64(column.name).map(StoredCell.integer) ?? .null
                            case .text: return try row.text(column.name).map(StoredCell.text) ?? .null
                            case .date: return try row.date(column.name).map(StoredCell.date) ?? .null
                            }
                        }
                    }
                    try body(table, cells)
                    after = try rows.last?.int64(key)
                    if rows.count < block { break }
                }
            }
        }
    }

    public func writeRows(_ next: ((CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        try administer { s in
            try s.exec("LOCK TABLE lead IN EXCLUSIVE MODE")
            if try s.one("SELECT count(*) AS n FROM lead")?.int("n") ?? 0 > 0 {
                throw DiscoveryError.failed("\(location.display) already holds leads; db copy writes only into an empty database (nothing was changed)")
            }
            try next { (table: CopySchema.Table, rows: [[StoredCell]]) throws(DiscoveryError) in
                do {
                    let width = table.columns.count
                    // A few hundred rows per INSERT, well under the protocol's 65,535 bound values.
                    let perStatement = max(1, 6_000 / width)
                    var start = 0
                    while start < rows.count {
                        let chunk = rows[start..<min(rows.count, start + perStatement)]
                        var values: [SQLValue] = []
                        values.reserveCapacity(chunk.count * width)
                        let tuples = chunk.map { row -> String in
                            let placeholders = row.map { cell -> String in
                                switch cell {
                                case .null: values.append(.t(nil))
                                case .integer(let i): values.append(.i(i))
                                case .text(let t): values.append(.t(t))
                                case .date(let d): values.append(.date(d))
                                }
                                return "$\(values.count)"
                            }
                            return "(" + placeholders.joined(separator: ", ") + ")"
                        }
                        let columns = table.columns.map(\.name).joined(separator: ", ")
                        try s.exec("INSERT INTO \(table.name) (\(columns)) VALUES \(tuples.joined(separator: ", "))",
                                   values: values)
                        start += perStatement
                    }
                } catch {
                    throw PostgresErrors.map(error, location, inChange: true)
                }
            }
            // Past every id the log names too: a deleted lead's id is never handed out again.
            for table in CopySchema.tables where table.columns[0].name == "id" {
                try s.exec("SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), \(CopySchema.nextIdSQL(table.name)), false)")
            }
        }
    }
}
