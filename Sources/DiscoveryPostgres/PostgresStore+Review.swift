import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore {
    /// The MQLs of `forEachMQLWithLead` with their stage moves and rejections, read in one
    /// state and handed out per lead (read whole, as the other whole-book reads here: a
    /// PostgreSQL book is read for correctness, SQLite's is the one measured flat).
    public func forEachReviewMQL(mqlSince: Date?,
                                 _ body: (Lead, FirstAttemptCandidate, [StageMove], [Rejection]) throws -> Void) throws(DiscoveryError) {
        try read { s in
            let mqls = try Self.firstAttempts(s, leadColumns: "*", lead: RecordRows.lead, followUpLead: FollowUpLead.init,
                                              stages: nil, mqlSince: mqlSince, owner: nil, signalKinds: nil)
            let moves = Dictionary(grouping: try Self.stageMoves(s, since: mqlSince), by: \.leadId)
            let rejections = Dictionary(grouping: try Self.rejections(s, since: mqlSince), by: \.leadId)
            for m in mqls { try body(m.lead, m.candidate, moves[m.lead.id] ?? [], rejections[m.lead.id] ?? []) }
        }
    }
}
