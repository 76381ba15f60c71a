import DiscoveryCore
import Foundation
import GRDB

/// Where a statement's lead columns are, found once from its first row: the rows of a long
/// cursor are then read by position, by the one positional lead decoder (`RawRows.lead`).
/// Reading by name hashes the name on every read, a tenth of `due` over a whole book.
struct LeadColumns {
    static let names = RawRows.leadColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    private let at: [Int]

    /// `nil` when the row lacks one of the lead's columns (then read by name, `Rows.lead`).
    init?(_ row: Row) {
        let columns = Array(row.columnNames)
        var at: [Int] = []
        for name in Self.names {
            // The first column of the name: the lead's, when it comes first (`SELECT lead.*, ...`).
            guard let i = columns.firstIndex(of: name) else { return nil }
            at.append(i)
        }
        self.at = at
    }

    func lead(_ row: Row) throws -> Lead {
        try RawRows.lead(Located(row: row, at: at))
    }

    /// A GRDB row seen through the positions of the lead's columns.
    private struct Located: PositionalRow {
        let row: Row
        let at: [Int]

        func int64(_ i: Int32) -> Int64? { row[at[Int(i)]] }

        func text(_ i: Int32) -> String? {
            switch (row[at[Int(i)]] as DatabaseValue).storage {
            case .null: return nil
            case .string(let s): return s
            case .int64(let n): return String(n)
            case .double(let d): return String(d)
            case .blob(let data): return String(decoding: data, as: UTF8.self)
            }
        }

        func isNull(_ i: Int32) -> Bool { (row[at[Int(i)]] as DatabaseValue).isNull }

        func columnName(_ i: Int32) -> String { LeadColumns.names[Int(i)] }
    }
}

/// Leads read from a cursor by position (`LeadColumns`), the positions found on the first row.
struct LeadReader {
    private var columns: LeadColumns?
    private var resolved = false

    mutating func lead(_ row: Row) throws -> Lead {
        if !resolved {
            columns = LeadColumns(row)
            resolved = true
        }
        return try columns?.lead(row) ?? Rows.lead(row)
    }
}
