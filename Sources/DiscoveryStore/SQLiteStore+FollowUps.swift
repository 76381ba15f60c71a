import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// Leads that reached `mql` with their first attempt, read from two cursors merged on the
    /// lead id (the leads, each joined to the latest call that began before its MQL moment,
    /// and their signals in lead order), so nothing of the book is held but the current lead.
    public func forEachFirstAttemptCandidate(stages: Set<Stage>?, mqlSince: Date?, owner: String?, signalKinds: Set<String>?,
                                             _ body: (FirstAttemptCandidate) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            try Self.forEachFirstAttemptCandidate(db, stages: stages, mqlSince: mqlSince, owner: owner, signalKinds: signalKinds,
                                                  body)
        }
    }

    /// The same read with each lead's whole record (`RawRows.lead`) beside its candidate.
    public func forEachMQLWithLead(mqlSince: Date?, _ body: (Lead, FirstAttemptCandidate) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            try Self.forEachFirstAttempt(db, leadColumns: RawRows.leadColumns, lead: RawRows.lead, followUpLead: FollowUpLead.init,
                                         stages: nil, mqlSince: mqlSince, owner: nil, signalKinds: nil, body)
        }
    }

    /// `unattemptedOnly`: only leads without a call at or after their MQL moment (the others
    /// have their first attempt: `due` gives them no item).
    static func forEachFirstAttemptCandidate(_ db: some RawStatementSource, stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                             signalKinds: Set<String>?, unattemptedOnly: Bool = false,
                                             _ body: (FirstAttemptCandidate) throws -> Void) throws {
        try forEachFirstAttempt(db, leadColumns: RawRows.followUpLeadColumns, lead: RawRows.followUpLead, followUpLead: { $0 },
                                stages: stages, mqlSince: mqlSince, owner: owner, signalKinds: signalKinds,
                                unattemptedOnly: unattemptedOnly) { try body($1) }
    }

    /// The first-attempt read, the lead's columns `leadColumns` (first in each row) decoded by
    /// `lead`: the follow-up rules' columns alone, or the whole record for `report review`.
    static func forEachFirstAttempt<L>(_ db: some RawStatementSource, leadColumns: String, lead decode: (RawStatement.Columns) throws -> L,
                                       followUpLead: (L) -> FollowUpLead, stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                       signalKinds: Set<String>?, unattemptedOnly: Bool = false,
                                       _ body: (L, FirstAttemptCandidate) throws -> Void) throws {
        var filter = "lead.mql_at IS NOT NULL"
        if unattemptedOnly { filter += " AND NOT EXISTS (SELECT 1 FROM call c WHERE c.lead_id = lead.id AND c.at >= lead.mql_at)" }
        var args: [DatabaseValue] = []
        if let stages {
            filter += " AND lead.stage IN (\(placeholders(stages.count)))"
            args += stages.map(\.rawValue).sorted().map(\.databaseValue)
        }
        if let mqlSince {
            filter += " AND lead.mql_at >= ?"
            args.append(mqlSince.databaseValue)
        }
        if let owner {
            filter += " AND lead.owner = ?"
            args.append(owner.databaseValue)
        }
        // The call that began before the MQL moment is read whole: the core decides whether it
        // was still in progress then (and so was the first attempt). Read by position: the
        // lead's columns, the first attempt, the call's.
        let leads = try RawStatement(db, sql: """
            SELECT \(RawRows.columns(leadColumns, of: "lead")),
                   (SELECT min(c.at) FROM call c WHERE c.lead_id = lead.id AND c.at >= lead.mql_at),
                   \(RawRows.columns(RawRows.callColumns, of: "b"))
            FROM lead LEFT JOIN call b ON b.id = (SELECT c.id FROM call c WHERE c.lead_id = lead.id AND c.at < lead.mql_at
                                                  ORDER BY c.at DESC, c.id DESC LIMIT 1)
            WHERE \(filter) ORDER BY lead.id
            """)
        let firstAttempt = Int32(leadColumns.split(separator: ",").count), callBefore = firstAttempt + 1
        // Only the kinds asked for, when some are: the SLA reads the `priority: high` ones.
        var signalFilter = filter, signalArgs = args
        if let signalKinds {
            signalFilter += " AND s.kind IN (\(placeholders(signalKinds.count)))"
            signalArgs += signalKinds.sorted().map(\.databaseValue)
        }
        let signals = try RawStatement(db, sql: """
            SELECT \(RawRows.columns(RawRows.signalColumns, of: "s")) FROM lead JOIN signal s ON s.lead_id = lead.id
            WHERE \(signalFilter) ORDER BY s.lead_id, s.at, s.id
            """)
        try leads.start(args)
        var next = try leads.next()
        // The signals are read only when there is a lead to give them to, and some kind is asked for.
        let readsSignals = next != nil && signalKinds?.isEmpty != true
        var leadSignals = readsSignals ? try LeadOrdered(signals, signalArgs, RawRows.signal) : nil
        while let row = next {
            let lead = try decode(row)
            let narrow = followUpLead(lead)
            // Signals of leads the lead cursor does not hand out cannot occur (same filter), but
            // a signal behind the current lead is skipped rather than given to the wrong one.
            let own = try leadSignals?.take(narrow.id) ?? []
            let before = row.isNull(callBefore) ? nil : try RawRows.call(ColumnsFrom(row, start: callBefore))
            try body(lead, FirstAttemptCandidate(lead: narrow, firstAttempt: try row.optionalDate(firstAttempt, table: "call", row: nil),
                                                 callBeforeMQL: before, signals: own))
            next = try leads.next()
        }
    }

    /// The records `due` is made from, each query pre-filtered by owner through an index when
    /// one is given (`lead_owner`, `call_actor_follow_up`, `next_step_owner_due_state`): the rules
    /// themselves stay in `DueList`. Every row is read by position (`RawRows`).
    public func forEachFollowUpInput(before: Date, owner: String?, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            let byOwner = owner.map { [$0.databaseValue] } ?? []
            try Self.forEachMarkedOrWaiting(db, owner: owner, body)

            // Each lead's latest call (by time, then id) is kept in `call_latest` by triggers
            // (Schema.v9FollowUpCounts) with what the retry rule reads of it (`FollowUpCall`), so
            // the call table is not read: walked in lead order for the whole book (a seek per
            // call into `call` was 10,500 of the 17,900 page reads at 100,000 leads); with an
            // owner, one range of `call_latest_actor` (as the start-up counts read it).
            let retry = """
                SELECT \(RawRows.columns(RawRows.followUpLeadColumns, of: "lead")), \(RawRows.columns(RawRows.latestCallColumns, of: "l")),
                       EXISTS (SELECT 1 FROM next_step n WHERE n.lead_id = lead.id AND n.done_at IS NULL)
                """
            let due = "l.follow_up_due IS NOT NULL AND l.follow_up_due < ?"
            let calls = try RawStatement(db, sql: owner == nil
                ? retry + " FROM call_latest l JOIN lead ON lead.id = l.lead_id WHERE \(due) ORDER BY l.lead_id"
                : retry + " FROM call_latest l INDEXED BY call_latest_actor JOIN lead ON lead.id = l.lead_id WHERE l.actor = ? AND \(due)")
            let call = RawRows.followUpLeadColumnCount, hasStep = RawRows.followUpLeadColumnCount + RawRows.latestCallColumnCount
            try calls.forEach(byOwner + [before.databaseValue]) { row in
                try body(.retry(RetryCandidate(lead: try RawRows.followUpLead(row), call: try RawRows.latestCall(ColumnsFrom(row, start: call)),
                                               hasOpenNextStep: row.int64(hasStep) == 1)))
            }

            // A step owned by nobody falls to the lead's owner: two index reads with an owner.
            // The whole book is walked in lead order (`CROSS JOIN` keeps SQLite to it), each
            // lead's open steps from `next_step_lead`: through `next_step_due` every step was a
            // seek to a lead page and a step page out of order, 43,000 page reads at 100,000
            // leads instead of 6,500. The order the items come in does not change the list: a
            // lead has one open step (`setNextStep` updates it), so no two steps share a list key
            // (`DueList.listKey`: state, deadline, lead, kind).
            let columns = "SELECT \(RawRows.columns(RawRows.followUpLeadColumns, of: "lead")), \(RawRows.columns(RawRows.nextStepColumns, of: "n"))"
            let open = "WHERE n.done_at IS NULL AND n.due IS NOT NULL AND n.due < ?"
            let step = "\(columns) FROM next_step n JOIN lead ON lead.id = n.lead_id \(open)"
            var stepQueries: [(String, [DatabaseValue])] = [("\(columns) FROM lead CROSS JOIN next_step n ON n.lead_id = lead.id \(open)",
                                                            [before.databaseValue])]
            if let owner {
                stepQueries = [(step + " AND n.owner = ?", [before.databaseValue, owner.databaseValue]),
                               (step + " AND n.owner IS NULL AND lead.owner = ?", [before.databaseValue, owner.databaseValue])]
            }
            let nextStep = RawRows.followUpLeadColumnCount
            for (sql, args) in stepQueries {
                try RawStatement(db, sql: sql).forEach(args) { row in
                    try body(.nextStep(try RawRows.followUpLead(row), try RawRows.nextStep(ColumnsFrom(row, start: nextStep))))
                }
            }
        }
    }

    /// The first two kinds of `due`'s records: leads marked for re-qualification and first
    /// attempts still waiting, with all their signals, without the leads already called since
    /// their MQL moment (`DueList` gives them no item): their signals are not read at all (at
    /// 100,000 leads that read was 8,600 page reads, a quarter of `due`'s).
    static func forEachMarkedOrWaiting(_ db: some RawStatementSource, owner: String?, _ body: (FollowUpInput) throws -> Void) throws {
        let marked = try RawStatement(db, sql: "SELECT \(RawRows.followUpLeadColumns) FROM lead WHERE requalify_trigger IS NOT NULL"
                                          + (owner == nil ? "" : " AND owner = ?"))
        try marked.forEach(owner.map { [$0.databaseValue] } ?? []) { try body(.requalify(try RawRows.followUpLead($0))) }
        try forEachFirstAttemptCandidate(db, stages: DueList.firstAttemptStages, mqlSince: nil, owner: owner, signalKinds: nil,
                                         unattemptedOnly: true) {
            try body(.firstAttempt($0))
        }
    }
}
