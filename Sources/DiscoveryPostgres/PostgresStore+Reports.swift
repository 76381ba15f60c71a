import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: ReportStorage {
    public func pipelineInputs(since: Date?) throws(DiscoveryError) -> [PipelineReport.Input] {
        try read { s in
            var history: [Int64: [Stage]] = [:]
            for row in try s.rows("""
                SELECT lead_id, old_value, new_value FROM audit
                WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
                  AND change_id NOT IN (SELECT entity_id FROM audit WHERE action = 'undo' AND entity = 'change' AND entity_id IS NOT NULL)
                  AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
                ORDER BY id
                """) {
                let id = try row.int64(required: "lead_id")
                for value in [try row.text("old_value"), try row.text("new_value")] {
                    if let stage = value.flatMap(Stage.init(rawValue:)) { history[id, default: []].append(stage) }
                }
            }
            return try Self.leadRows(s, since: since, column: .createdAt).map { lead in
                PipelineReport.Input(stage: lead.stage, history: history[lead.id] ?? [], reachedMQL: lead.mqlAt != nil)
            }
        }
    }

    public func stageMoves(since: Date?) throws(DiscoveryError) -> [StageMove] {
        try read { s in try Self.stageMoves(s, since: since) }
    }

    /// Every stage move at or after `since`, oldest first (by time, then log order).
    static func stageMoves(_ s: SQLSession, since: Date?) throws -> [StageMove] {
        let sql = """
            SELECT lead_id, old_value, new_value, at FROM audit
            WHERE entity = 'lead' AND field = 'stage' AND action = 'update' AND lead_id IS NOT NULL
              AND change_id NOT IN (SELECT entity_id FROM audit WHERE action = 'undo' AND entity = 'change' AND entity_id IS NOT NULL)
              AND change_id NOT IN (SELECT change_id FROM audit WHERE action = 'undo')
            """
        let rows = try since.map { try s.rows(sql + " AND at >= $1 ORDER BY at, id", .d($0)) } ?? s.rows(sql + " ORDER BY at, id")
        return try rows.compactMap { row in
            guard let to = try row.text("new_value").flatMap(Stage.init(rawValue:)) else { return nil }
            return StageMove(leadId: try row.int64(required: "lead_id"), from: try row.text("old_value").flatMap(Stage.init(rawValue:)),
                             to: to, at: try row.date(required: "at"))
        }
    }

    public func disqualifiedLeads(since: Date?) throws(DiscoveryError) -> [Lead] {
        try read { s in try Self.leadRows(s, since: since, column: .stageChangedAt).filter { $0.stage == .disqualified } }
    }

    public func callCounts(since: Date?) throws(DiscoveryError) -> [CallsReport.OutcomeCount] {
        try read { s in
            let rows = try since.map { try s.rows("""
                SELECT actor, outcome, count(*) AS n FROM call WHERE outcome IS NOT NULL AND at >= $1
                GROUP BY actor, outcome ORDER BY actor COLLATE "C", outcome COLLATE "C"
                """, .d($0)) } ?? s.rows("""
                SELECT actor, outcome, count(*) AS n FROM call WHERE outcome IS NOT NULL
                GROUP BY actor, outcome ORDER BY actor COLLATE "C", outcome COLLATE "C"
                """)
            return try rows.compactMap { row in
                try CallOutcome(rawValue: row.text(required: "outcome")).map {
                    CallsReport.OutcomeCount(sdr: try row.text(required: "actor"), outcome: $0, calls: try row.int("n") ?? 0)
                }
            }
        }
    }

    /// The leads come from one query, their signals from another (read whole, not paged: a
    /// PostgreSQL book is read for correctness here, SQLite's is the one measured flat).
    public func forEachFirstAttemptCandidate(stages: Set<Stage>?, mqlSince: Date?, owner: String?, signalKinds: Set<String>?,
                                             _ body: (FirstAttemptCandidate) throws -> Void) throws(DiscoveryError) {
        try read { s in
            try Self.firstAttempts(s, leadColumns: RecordRows.followUpLeadColumns, lead: RecordRows.followUpLead, followUpLead: { $0 },
                                   stages: stages, mqlSince: mqlSince, owner: owner, signalKinds: signalKinds).forEach { try body($0.candidate) }
        }
    }

    public func forEachMQLWithLead(mqlSince: Date?, _ body: (Lead, FirstAttemptCandidate) throws -> Void) throws(DiscoveryError) {
        try read { s in
            try Self.firstAttempts(s, leadColumns: "*", lead: RecordRows.lead, followUpLead: FollowUpLead.init,
                                   stages: nil, mqlSince: mqlSince, owner: nil, signalKinds: nil).forEach { try body($0.lead, $0.candidate) }
        }
    }

    /// The first-attempt read, the lead's columns `leadColumns` decoded by `lead`: the follow-up
    /// rules' columns alone, or the whole record (`*`) for `report review`.
    static func firstAttempts<L>(_ s: SQLSession, leadColumns: String, lead decode: (SQLRow) throws -> L,
                                 followUpLead: (L) -> FollowUpLead, stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                 signalKinds: Set<String>?) throws -> [(lead: L, candidate: FirstAttemptCandidate)] {
        var args: [SQLValue] = []
        func bind(_ v: SQLValue) -> String { args.append(v); return "$\(args.count)" }
        var sql = """
            SELECT \(RecordRows.columns(leadColumns, of: "lead")),
                   (SELECT min(c.at) FROM call c WHERE c.lead_id = lead.id AND c.at >= lead.mql_at) AS first_attempt,
                   (SELECT c.id FROM call c WHERE c.lead_id = lead.id AND c.at < lead.mql_at
                    ORDER BY c.at DESC, c.id DESC LIMIT 1) AS call_before_mql
            FROM lead WHERE mql_at IS NOT NULL
            """
        if let stages {
            sql += " AND stage IN (\(stages.map(\.rawValue).sorted().map { bind(.t($0)) }.joined(separator: ",")))"
        }
        if let mqlSince { sql += " AND mql_at >= \(bind(.d(mqlSince)))" }
        if let owner { sql += " AND owner = \(bind(.t(owner)))" }
        sql += " ORDER BY id"
        let leads = try s.rows(sql, values: args).map { row in
            let lead = try decode(row)
            return (lead: lead, narrow: followUpLead(lead), firstAttempt: try row.date("first_attempt"),
                    callBefore: try row.int64("call_before_mql"))
        }
        // The call that began before the MQL moment, read whole: the core decides whether it
        // was still in progress then (and so was the first attempt).
        var callsBefore: [Int64: Call] = [:]
        for l in leads {
            guard let id = l.callBefore, let call = try call(s, id) else { continue }
            callsBefore[l.narrow.id] = call
        }
        var signals: [Int64: [SignalEvent]] = [:]
        if signalKinds?.isEmpty != true {
            let kinds = signalKinds.map { _ in " AND s.kind = ANY($2)" } ?? ""
            let values: [SQLValue] = [.t(owner)] + (signalKinds.map { [.texts($0.sorted())] } ?? [])
            for row in try s.rows("""
                SELECT s.* FROM signal s JOIN lead l ON l.id = s.lead_id
                WHERE l.mql_at IS NOT NULL AND ($1::text IS NULL OR l.owner = $1)\(kinds) ORDER BY s.at, s.id
                """, values: values) {
                let signal = try RecordRows.signal(row)
                signals[signal.leadId, default: []].append(signal)
            }
        }
        return leads.map { l in
            (lead: l.lead, candidate: FirstAttemptCandidate(lead: l.narrow, firstAttempt: l.firstAttempt, callBeforeMQL: callsBefore[l.narrow.id],
                                                            signals: signals[l.narrow.id] ?? []))
        }
    }

    /// The whole records: the server answers a person's follow-ups in the same few round trips
    /// either way, so nothing is gained by reading less.
    public func forEachFollowUpInputToCount(before: Date, owner: String, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError) {
        try forEachFollowUpInput(before: before, owner: owner, body)
    }

    public func forEachFollowUpInput(before: Date, owner: String?, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError) {
        try read { s in
            let marked = "SELECT \(RecordRows.followUpLeadColumns) FROM lead WHERE requalify_trigger IS NOT NULL"
            for row in try owner.map({ try s.rows(marked + " AND owner = $1 ORDER BY id", .t($0)) }) ?? s.rows(marked + " ORDER BY id") {
                try body(.requalify(try RecordRows.followUpLead(row)))
            }
            for c in try Self.firstAttempts(s, leadColumns: RecordRows.followUpLeadColumns, lead: RecordRows.followUpLead,
                                            followUpLead: { $0 }, stages: DueList.firstAttemptStages, mqlSince: nil, owner: owner,
                                            signalKinds: nil) {
                try body(.firstAttempt(c.candidate))
            }
            let callRows = try s.rows("""
                SELECT c.*, EXISTS (SELECT 1 FROM next_step n WHERE n.lead_id = c.lead_id AND n.done_at IS NULL) AS has_step
                FROM lead
                JOIN call c ON c.id = (SELECT l.id FROM call l WHERE l.lead_id = lead.id ORDER BY l.at DESC, l.id DESC LIMIT 1)
                WHERE c.follow_up_due IS NOT NULL AND c.follow_up_due < $1 AND ($2::text IS NULL OR c.actor = $2)
                ORDER BY c.follow_up_due, c.id
                """, .d(before), .t(owner))
            let stepRows = try s.rows("""
                SELECT n.* FROM next_step n JOIN lead ON lead.id = n.lead_id
                WHERE n.done_at IS NULL AND n.due IS NOT NULL AND n.due < $1
                  AND ($2::text IS NULL OR COALESCE(n.owner, lead.owner) = $2)
                ORDER BY n.due, n.id
                """, .d(before), .t(owner))
            var leads: [Int64: FollowUpLead] = [:]
            for row in callRows + stepRows {
                let id = try row.int64(required: "lead_id")
                if leads[id] == nil, let lead = try s.one("SELECT \(RecordRows.followUpLeadColumns) FROM lead WHERE id = $1", .i(id)) {
                    leads[id] = try RecordRows.followUpLead(lead)
                }
            }
            for row in callRows {
                guard let lead = leads[try row.int64(required: "lead_id")] else { continue }
                try body(.retry(RetryCandidate(lead: lead, call: FollowUpCall(try RecordRows.call(row)), hasOpenNextStep: try row.bool("has_step") ?? false)))
            }
            for row in stepRows {
                guard let lead = leads[try row.int64(required: "lead_id")] else { continue }
                try body(.nextStep(lead, try RecordRows.nextStep(row)))
            }
        }
    }

    /// Leads and their contacts a page of leads at a time (keyset on the id, inside one
    /// REPEATABLE READ transaction): memory stays flat however many leads there are.
    @discardableResult
    public func forEachLeadWithContacts(stage: Stage?, _ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int {
        try read { s in
            var count = 0
            var after: Int64 = 0
            while true {
                var values: [SQLValue] = [.i(after), .i(Self.exportPage)]
                var filter = ""
                if let stage {
                    values.append(.t(stage.rawValue))
                    filter = " AND stage = $3"
                }
                let rows = try s.rows("""
                    SELECT lead.*, c.id AS c_id, c.name AS c_name, c.title AS c_title, c.role AS c_role,
                           c.email AS c_email, c.phone AS c_phone, c.consent AS c_consent, c.created_at AS c_created_at,
                           c.salutation AS c_salutation, c.first_name AS c_first_name, c.last_name AS c_last_name,
                           c.suffix AS c_suffix, c.do_not_call AS c_do_not_call, c.email_opt_out AS c_email_opt_out,
                           c.source AS c_source, c.hubspot_id AS c_hubspot_id, c.salesforce_id AS c_salesforce_id
                    FROM (SELECT * FROM lead WHERE id > $1\(filter) ORDER BY id LIMIT $2) AS lead
                    LEFT JOIN contact c ON c.lead_id = lead.id
                    ORDER BY lead.id, c.id
                    """, values: values)
                if rows.isEmpty { break }
                var current: Lead?
                var contacts: [Contact] = []
                for row in rows {
                    let leadId = try row.int64(required: "id")
                    if current?.id != leadId {
                        if let lead = current { try body(lead, contacts); count += 1 }
                        current = try RecordRows.lead(row)
                        contacts.removeAll(keepingCapacity: true)
                    }
                    if try row.int64("c_id") != nil {
                        contacts.append(try RecordRows.contact(row, prefix: "c_", leadId: leadId))
                    }
                }
                if let lead = current { try body(lead, contacts); count += 1; after = lead.id }
            }
            return count
        }
    }

    /// Leads per page of `forEachLeadWithContacts`.
    static let exportPage: Int64 = 1_000
}
