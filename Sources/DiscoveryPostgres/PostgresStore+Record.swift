import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: RecordStorage {
    /// One lead's whole record in one statement (one round trip, no transaction needed).
    public func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord? {
        try statement { s in try s.one(RecordQuery.lead, .i(id)).map(RecordQuery.record) }
    }

    /// The book in pages of `recordPageSize` leads, each page one statement, all in one
    /// REPEATABLE READ transaction (one state): memory holds one page, whatever the book's size.
    public func forEachQualificationRecord(createdSince since: Date?, contacts: Bool,
                                           _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError) {
        let pageSize = max(1, recordPageSize)
        try read { s in
            var after: Int64 = 0
            while true {
                let page: [SQLRow]
                if let since {
                    page = try s.rows(RecordQuery.page(contacts: contacts, createdSince: true), .i(after), .i(Int64(pageSize)), .d(since))
                } else {
                    page = try s.rows(RecordQuery.page(contacts: contacts, createdSince: false), .i(after), .i(Int64(pageSize)))
                }
                for row in page { try body(try RecordQuery.record(row)) }
                guard page.count == pageSize, let last = page.last else { return }
                after = try last.int64(required: "id")
            }
        }
    }

    /// The date columns a report may filter leads on: a closed list, never user text.
    enum SinceColumn: String {
        case createdAt = "created_at"
        case stageChangedAt = "stage_changed_at"
    }

    static func leadRows(_ s: SQLSession, since: Date?, column: SinceColumn) throws -> [Lead] {
        if let since {
            return try s.rows("SELECT * FROM lead WHERE \(column.rawValue) >= $1 ORDER BY id", .d(since)).map(RecordRows.lead)
        }
        return try s.rows("SELECT * FROM lead ORDER BY id").map(RecordRows.lead)
    }
}
