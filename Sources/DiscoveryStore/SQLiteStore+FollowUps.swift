import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// Leads that reached `mql` with their first attempt, read from two cursors merged on the
    /// lead id (the leads, each joined to the latest call that began before its MQL moment,
    /// and their signals in lead order), so nothing of the book is held but the current lead.
    public func forEachFirstAttemptCandidate(stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                             _ body: (FirstAttemptCandidate) throws -> Void) throws(DiscoveryError) {
        try read { db in try Self.forEachFirstAttemptCandidate(db, stages: stages, mqlSince: mqlSince, owner: owner, body) }
    }

    static func forEachFirstAttemptCandidate(_ db: Database, stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                             _ body: (FirstAttemptCandidate) throws -> Void) throws {
        var filter = "lead.mql_at IS NOT NULL"
        var args: StatementArguments = []
        if let stages {
            filter += " AND lead.stage IN (\(placeholders(stages.count)))"
            args += StatementArguments(stages.map(\.rawValue).sorted())
        }
        if let mqlSince {
            filter += " AND lead.mql_at >= ?"
            args += [mqlSince]
        }
        if let owner {
            filter += " AND lead.owner = ?"
            args += [owner]
        }
        // The call that began before the MQL moment is read whole: the core decides whether it
        // was still in progress then (and so was the first attempt).
        let leads = try Row.fetchCursor(db, sql: """
            SELECT lead.*, (SELECT min(c.at) FROM call c WHERE c.lead_id = lead.id AND c.at >= lead.mql_at) AS first_attempt,
                   \(columns(callColumns, of: "b"))
            FROM lead LEFT JOIN call b ON b.id = (SELECT c.id FROM call c WHERE c.lead_id = lead.id AND c.at < lead.mql_at
                                                  ORDER BY c.at DESC, c.id DESC LIMIT 1)
            WHERE \(filter) ORDER BY lead.id
            """, arguments: args)
        let signals = try Row.fetchCursor(db, sql: """
            SELECT s.* FROM lead JOIN signal s ON s.lead_id = lead.id WHERE \(filter) ORDER BY s.lead_id, s.at, s.id
            """, arguments: args)
        var pending = try signals.next().map(Rows.signal)
        var reader = LeadReader()
        while let row = try leads.next() {
            let lead = try reader.lead(row)
            // Signals of leads the lead cursor does not hand out cannot occur (same filter), but
            // a signal behind the current lead is skipped rather than given to the wrong one.
            while let s = pending, s.leadId < lead.id { pending = try signals.next().map(Rows.signal) }
            var own: [SignalEvent] = []
            while let s = pending, s.leadId == lead.id {
                own.append(s)
                pending = try signals.next().map(Rows.signal)
            }
            let before = (row["b_id"] as Int64?) == nil ? nil : try Rows.call(row, prefix: "b_")
            try body(FirstAttemptCandidate(lead: lead, firstAttempt: row["first_attempt"], callBeforeMQL: before, signals: own))
        }
    }

    /// The records `due` is made from, each query pre-filtered by owner through an index when
    /// one is given (`lead_owner`, `call_actor_follow_up`, `next_step_owner_due`): the rules
    /// themselves stay in `DueList`.
    public func forEachFollowUpInput(before: Date, owner: String?, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError) {
        try read { db in
            let requalify = "SELECT * FROM lead WHERE requalify_trigger IS NOT NULL" + (owner == nil ? "" : " AND owner = ?")
            let marked = try Row.fetchCursor(db, sql: requalify, arguments: owner.map { [$0] } ?? [])
            var markedReader = LeadReader()
            while let row = try marked.next() { try body(.requalify(try markedReader.lead(row))) }

            try Self.forEachFirstAttemptCandidate(db, stages: DueList.firstAttemptStages, mqlSince: nil, owner: owner) {
                try body(.firstAttempt($0))
            }

            // Each lead's latest call (by time, then id), found by one seek in the (lead_id, at)
            // index: per lead for the whole book, per call of the owner's that asks for a
            // follow-up with an owner.
            let latest = "(SELECT l.id FROM call l WHERE l.lead_id = lead.id ORDER BY l.at DESC, l.id DESC LIMIT 1)"
            let retry = """
                SELECT lead.*, \(Self.columns(Self.callColumns, of: "c")),
                       EXISTS (SELECT 1 FROM next_step n WHERE n.lead_id = lead.id AND n.done_at IS NULL) AS has_step
                """
            let calls = owner == nil
                ? try Row.fetchCursor(db, sql: retry + """
                     FROM lead JOIN call c ON c.id = \(latest)
                    WHERE c.follow_up_due IS NOT NULL AND c.follow_up_due < ?
                    """, arguments: [before])
                : try Row.fetchCursor(db, sql: retry + """
                     FROM call c JOIN lead ON lead.id = c.lead_id
                    WHERE c.actor = ? AND c.follow_up_due IS NOT NULL AND c.follow_up_due < ? AND c.id = \(latest)
                    """, arguments: [owner, before])
            var callReader = LeadReader()
            while let row = try calls.next() {
                try body(.retry(RetryCandidate(lead: try callReader.lead(row), call: try Rows.call(row, prefix: "c_"),
                                               hasOpenNextStep: row["has_step"])))
            }

            // A step owned by nobody falls to the lead's owner: two index reads with an owner.
            let step = """
                SELECT lead.*, \(Self.columns(Self.nextStepColumns, of: "n")) FROM next_step n JOIN lead ON lead.id = n.lead_id
                WHERE n.done_at IS NULL AND n.due IS NOT NULL AND n.due < ?
                """
            var stepQueries: [(String, StatementArguments)] = [(step, [before])]
            if let owner {
                stepQueries = [(step + " AND n.owner = ?", [before, owner]), (step + " AND n.owner IS NULL AND lead.owner = ?", [before, owner])]
            }
            for (sql, args) in stepQueries {
                let steps = try Row.fetchCursor(db, sql: sql, arguments: args)
                var stepReader = LeadReader()
                while let row = try steps.next() { try body(.nextStep(try stepReader.lead(row), try Rows.nextStep(row, prefix: "n_"))) }
            }
        }
    }

    static let callColumns = ["id", "lead_id", "outcome", "note", "duration_min", "at", "ended_at", "actor", "follow_up_due",
                              "contact_id", "consent_override"]
    static let nextStepColumns = ["id", "lead_id", "action", "note", "owner", "due", "set_at", "actor", "done_at"]

    /// `b.id AS b_id, b.lead_id AS b_lead_id, ...`: a joined table's columns, named apart from the lead's.
    static func columns(_ names: [String], of alias: String) -> String {
        names.map { "\(alias).\($0) AS \(alias)_\($0)" }.joined(separator: ", ")
    }
}
