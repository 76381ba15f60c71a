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
            var movesRead = try LeadOrdered(moves, since, keeping: { try RawRows.stageMove($0).map { ($0.leadId, $0) } })
            var rejectionsRead = try LeadOrdered(rejections, since, RawRows.rejection)
            try Self.forEachFirstAttempt(db, leadColumns: RawRows.leadColumns, lead: RawRows.lead, followUpLead: FollowUpLead.init,
                                         stages: nil, mqlSince: mqlSince, owner: nil, signalKinds: nil) { lead, candidate in
                try body(lead, candidate, try movesRead.take(lead.id), try rejectionsRead.take(lead.id))
            }
        }
    }
}
