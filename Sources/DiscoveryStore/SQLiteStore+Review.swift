import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// The MQLs of `forEachMQLWithLead`, each with its stage moves and rejections: three cursors
    /// in lead order (the MQLs with their signals, the moves along `audit_lead`, the rejections)
    /// merged on the lead id as they are read, so nothing is held but the current lead's.
    public func forEachReviewMQL(mqlSince: Date?,
                                 _ body: (Lead, FirstAttemptCandidate, [StageMove], [Rejection]) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            let since = mqlSince.map { [$0.databaseValue] } ?? []
            let moves = try RawStatement(db, sql: Self.stageMovesSQL(since: mqlSince) + " ORDER BY lead_id, at, id")
            let rejections = try RawStatement(db, sql: "SELECT \(RawRows.rejectionColumns) FROM rejection"
                                                  + (mqlSince == nil ? "" : " WHERE at >= ?") + " ORDER BY lead_id, at, id")
            var movesRead = MergedCursor(moves, since) { try RawRows.stageMove($0).map { ($0.leadId, $0) } }
            var rejectionsRead = MergedCursor(rejections, since) { let r = try RawRows.rejection($0); return (r.leadId, r) }
            try Self.forEachFirstAttempt(db, leadColumns: RawRows.leadColumns, lead: RawRows.lead, followUpLead: FollowUpLead.init,
                                         stages: nil, mqlSince: mqlSince, owner: nil, signalKinds: nil) { lead, candidate in
                try body(lead, candidate, try movesRead.take(lead.id), try rejectionsRead.take(lead.id))
            }
        }
    }
}

/// A cursor in lead order read beside another one: `take(id)` skips the rows of leads before
/// `id` and hands over those of `id`; the statement starts at the first `take`. `decode` gives
/// each row's lead id and value, or `nil` to leave the row out.
struct MergedCursor<Value> {
    let statement: RawStatement
    let arguments: [DatabaseValue]
    let decode: (RawStatement.Columns) throws -> (Int64, Value)?
    var started = false
    var pending: (Int64, Value)?

    init(_ statement: RawStatement, _ arguments: [DatabaseValue], decode: @escaping (RawStatement.Columns) throws -> (Int64, Value)?) {
        self.statement = statement
        self.arguments = arguments
        self.decode = decode
    }

    /// The next row that `decode` keeps, `nil` at the end.
    private mutating func advance() throws -> (Int64, Value)? {
        while let row = try statement.next() {
            if let value = try decode(row) { return value }
        }
        return nil
    }

    /// The values of lead `id`, in the statement's order; ids must come in increasing order.
    mutating func take(_ id: Int64) throws -> [Value] {
        if !started {
            started = true
            try statement.start(arguments)
            pending = try advance()
        }
        while let (lead, _) = pending, lead < id { pending = try advance() }
        var own: [Value] = []
        while let (lead, value) = pending, lead == id {
            own.append(value)
            pending = try advance()
        }
        return own
    }
}
