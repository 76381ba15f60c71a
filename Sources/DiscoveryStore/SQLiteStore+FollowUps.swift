import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// Leads that reached `mql` (in `stages`, when given; since `mqlSince`, when given; owned by
    /// `owner`, when given), each with its first call at or after `mql_at`, the latest call that began before it, and
    /// its signals.
    public func firstAttemptCandidates(stages: Set<Stage>?, mqlSince: Date?,
                                       owner: String?) throws(DiscoveryError) -> [FirstAttemptCandidate] {
        try read { db in
            var sql = """
                SELECT lead.*, (SELECT min(c.at) FROM call c WHERE c.lead_id = lead.id AND c.at >= lead.mql_at) AS first_attempt,
                       (SELECT c.id FROM call c WHERE c.lead_id = lead.id AND c.at < lead.mql_at
                        ORDER BY c.at DESC, c.id DESC LIMIT 1) AS call_before_mql
                FROM lead WHERE mql_at IS NOT NULL
                """
            var args: StatementArguments = []
            if let stages {
                sql += " AND stage IN (\(stages.map { _ in "?" }.joined(separator: ",")))"
                args += StatementArguments(stages.map(\.rawValue).sorted())
            }
            if let mqlSince {
                sql += " AND mql_at >= ?"
                args += [mqlSince]
            }
            if let owner {
                sql += " AND owner = ?"
                args += [owner]
            }
            sql += " ORDER BY id"
            // Decoded from the cursor (statement rows find columns by index, see `leads(_:)`).
            let leads = try Array(Row.fetchCursor(db, sql: sql, arguments: args).map { row in
                (lead: try Rows.lead(row), firstAttempt: row["first_attempt"] as Date?, callBefore: row["call_before_mql"] as Int64?)
            })
            // The call that began before the MQL moment, read whole: the core decides whether
            // it was still in progress then (and so was the first attempt).
            let callStatement = try db.cachedStatement(sql: "SELECT * FROM call WHERE id = ?")
            var callsBefore: [Int64: Call] = [:]
            for l in leads {
                guard let id = l.callBefore, let row = try Row.fetchOne(callStatement, arguments: [id]) else { continue }
                callsBefore[l.lead.id] = try Rows.call(row)
            }
            var signals: [Int64: [SignalEvent]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.* FROM signal s JOIN lead l ON l.id = s.lead_id
                WHERE l.mql_at IS NOT NULL AND (? IS NULL OR l.owner = ?) ORDER BY s.at, s.id
                """, arguments: [owner, owner]) {
                let s = Rows.signal(row)
                signals[s.leadId, default: []].append(s)
            }
            return leads.map { l in
                FirstAttemptCandidate(lead: l.lead, firstAttempt: l.firstAttempt, callBeforeMQL: callsBefore[l.lead.id],
                                      signals: signals[l.lead.id] ?? [])
            }
        }
    }

    /// Everything `due` needs: first attempts still waiting, each lead's latest call when it
    /// asks for a follow-up due before `before`, and open next steps due before `before`. With
    /// `owner`, only what `DueList` would give that owner (the lead's owner for a first
    /// attempt, the caller for a retry, the step's owner or else the lead's for a next step),
    /// so one person's list does not decode the whole book.
    public func followUpInputs(before: Date, owner: String?) throws(DiscoveryError) -> FollowUpInputs {
        let firstAttempts = try firstAttemptCandidates(stages: DueList.firstAttemptStages, mqlSince: nil, owner: owner)
        return try read { db in
            // Each lead's latest call (by time, then id), found by one seek per lead in the
            // (lead_id, at) index: asking of every call whether a later one exists took seconds
            // on a book of 500,000 calls.
            let callRows = try Row.fetchAll(db, sql: """
                SELECT c.*, EXISTS (SELECT 1 FROM next_step n WHERE n.lead_id = c.lead_id AND n.done_at IS NULL) AS has_step
                FROM lead
                JOIN call c ON c.id = (SELECT l.id FROM call l WHERE l.lead_id = lead.id ORDER BY l.at DESC, l.id DESC LIMIT 1)
                WHERE c.follow_up_due IS NOT NULL AND c.follow_up_due < ? AND (? IS NULL OR c.actor = ?)
                ORDER BY c.follow_up_due, c.id
                """, arguments: [before, owner, owner])
            let stepRows = try Row.fetchAll(db, sql: """
                SELECT n.* FROM next_step n JOIN lead ON lead.id = n.lead_id
                WHERE n.done_at IS NULL AND n.due IS NOT NULL AND n.due < ?
                  AND (? IS NULL OR COALESCE(n.owner, lead.owner) = ?)
                ORDER BY n.due, n.id
                """, arguments: [before, owner, owner])
            let leadIds = Set(callRows.map { $0["lead_id"] as Int64 } + stepRows.map { $0["lead_id"] as Int64 })
            // One prepared statement for every lead: compiling one per lead dominated `due` on large books.
            let leadStatement = try db.cachedStatement(sql: "SELECT * FROM lead WHERE id = ?")
            var leads: [Int64: Lead] = [:]
            for id in leadIds {
                if let row = try Row.fetchOne(leadStatement, arguments: [id]) { leads[id] = try Rows.lead(row) }
            }
            let retries = try callRows.compactMap { row -> RetryCandidate? in
                guard let lead = leads[row["lead_id"]] else { return nil }
                return RetryCandidate(lead: lead, call: try Rows.call(row), hasOpenNextStep: row["has_step"])
            }
            let steps = try stepRows.compactMap { row -> (Lead, NextStep)? in
                guard let lead = leads[row["lead_id"]] else { return nil }
                return (lead, try Rows.nextStep(row))
            }
            return FollowUpInputs(firstAttempts: firstAttempts, retries: retries, nextSteps: steps)
        }
    }
}
