import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// `forEachFollowUpInput(before:owner:)`'s records for `owner`, the retries and next steps
    /// read from `call_latest` and the indexes of migration v9 alone (`Schema.v9FollowUpCounts`; `INDEXED BY`
    /// because the planner would rather seek each lead by its row): a retry's lead and call and
    /// a next step's lead and step carry what `DueList`'s rules read to count them, not the
    /// organisation or the notes (`RawRows.countedLead`); leads called since their MQL moment are
    /// left out of the first attempts (as `forEachFollowUpInput` leaves them out).
    public func forEachFollowUpInputToCount(before: Date, owner: String, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            try Self.forEachMarkedOrWaiting(db, owner: owner, body)
            let args = [owner.databaseValue, before.databaseValue]

            // The caller's latest calls asking for a follow-up: one range of `call_latest_actor`.
            let calls = try RawStatement(db, sql: """
                SELECT \(RawRows.columns(RawRows.countedLeadColumns, of: "lead")), \(RawRows.columns(RawRows.latestCallColumns, of: "l")),
                       EXISTS (SELECT 1 FROM next_step n WHERE n.lead_id = l.lead_id AND n.done_at IS NULL)
                FROM call_latest l INDEXED BY call_latest_actor JOIN lead INDEXED BY lead_follow_up_state ON lead.id = l.lead_id
                WHERE l.actor = ? AND l.follow_up_due IS NOT NULL AND l.follow_up_due < ?
                """)
            let call = RawRows.countedLeadColumnCount, hasStep = call + RawRows.latestCallColumnCount
            try calls.forEach(args) { row in
                try body(.retry(RetryCandidate(lead: try RawRows.countedLead(row), call: try RawRows.latestCall(ColumnsFrom(row, start: call)),
                                               hasOpenNextStep: row.int64(hasStep) == 1)))
            }

            // A step owned by nobody falls to the lead's owner (few steps are unowned).
            let stepColumns = "\(RawRows.columns(RawRows.countedLeadColumns, of: "lead")), \(RawRows.columns(RawRows.countedStepColumns, of: "n"))"
            let steps = [
                """
                SELECT \(stepColumns) FROM next_step n INDEXED BY next_step_owner_due_state
                JOIN lead INDEXED BY lead_follow_up_state ON lead.id = n.lead_id
                WHERE n.owner = ? AND n.done_at IS NULL AND n.due IS NOT NULL AND n.due < ?
                """,
                """
                SELECT \(stepColumns) FROM next_step n JOIN lead INDEXED BY lead_follow_up_state ON lead.id = n.lead_id
                WHERE lead.owner = ? AND n.owner IS NULL AND n.done_at IS NULL AND n.due IS NOT NULL AND n.due < ?
                """,
            ]
            let step = RawRows.countedLeadColumnCount
            for sql in steps {
                try RawStatement(db, sql: sql).forEach(args) { row in
                    try body(.nextStep(try RawRows.countedLead(row), try RawRows.countedStep(ColumnsFrom(row, start: step))))
                }
            }
        }
    }
}

extension RawRows {
    /// A lead as the follow-up counts read it, from `lead_follow_up_state`: id, stage, consent
    /// and owner; the organisation empty, no MQL moment or mark (a retry's and a next step's
    /// rules do not read them). Only for counting: never shown.
    static let countedLeadColumns = "id, stage, consent, owner"
    static let countedLeadColumnCount = Int32(countedLeadColumns.split(separator: ",").count)

    static func countedLead(_ c: some PositionalRow) throws -> FollowUpLead {
        let id = c.int64(0) ?? 0
        return FollowUpLead(id: id, org: "", owner: c.text(3), stage: try c.value(Stage.self, 1, table: "lead", row: id),
                            consent: try c.value(Consent.self, 2, table: "lead", row: id))
    }

    /// An open next step from `next_step_owner_due_state`: all but its note.
    static let countedStepColumns = "id, lead_id, action, owner, due, set_at, actor, done_at"

    static func countedStep(_ c: some PositionalRow) throws -> NextStep {
        let id = c.int64(0) ?? 0
        return NextStep(id: id, leadId: c.int64(1) ?? 0, action: try c.value(NextAction.self, 2, table: "next_step", row: id),
                        owner: c.text(3), due: try c.optionalDate(4, table: "next_step", row: id),
                        setAt: try c.date(5, table: "next_step", row: id), actor: c.text(6) ?? "",
                        doneAt: try c.optionalDate(7, table: "next_step", row: id))
    }
}
