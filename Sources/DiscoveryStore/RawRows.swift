import DiscoveryCore
import Foundation

/// Records read by column position (`PositionalRow`), for the paths that read many rows
/// (the whole book, the import's look-ups): each decoder goes with the column list it reads,
/// and is loud about a stored value this version does not know, as `Rows` is. The contract
/// suite checks that the whole-book read gives every lead exactly the record `Rows` reads.
enum RawRows {
    /// `b.id, b.lead_id, ...`: a column list read from table alias `alias`, for a join.
    static func columns(_ list: String, of alias: String) -> String {
        list.split(separator: ",").map { "\(alias).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }

    /// How many columns `lead` and `call` read: where a joined table's columns begin.
    static let leadColumnCount = Int32(leadColumns.split(separator: ",").count)
    static let callColumnCount = Int32(callColumns.split(separator: ",").count)

    static let leadColumns = """
        id, org, type, specialty, region, beds, source, profile, consent, owner, stage, stage_reason, stage_note,
        created_at, updated_at, stage_changed_at, mql_at, route_rule, requalify_trigger, requalify_at, website
        """

    static func lead(_ c: some PositionalRow) throws -> Lead {
        let id = c.int64(0) ?? 0
        let updatedAt = try c.optionalDate(14, table: "lead", row: id)
        return Lead(id: id, org: c.text(1) ?? "", type: c.text(2), specialty: c.text(3), region: c.text(4), beds: c.int(5),
                    source: c.text(6), profile: c.text(7) ?? "", consent: try c.value(Consent.self, 8, table: "lead", row: id),
                    owner: c.text(9), stage: try c.value(Stage.self, 10, table: "lead", row: id),
                    stageReason: try c.optional(ReasonCode.self, 11, table: "lead", row: id), stageNote: c.text(12),
                    createdAt: try c.date(13, table: "lead", row: id), updatedAt: updatedAt,
                    stageChangedAt: try c.optionalDate(15, table: "lead", row: id), mqlAt: try c.optionalDate(16, table: "lead", row: id),
                    routeRule: c.text(17),
                    requalify: try c.text(18).map { RequalifyMark(trigger: $0, at: try c.optionalDate(19, table: "lead", row: id) ?? updatedAt ?? c.date(14, table: "lead", row: id)) },
                    website: c.text(20))
    }

    /// What the follow-up rules read of a lead (`FollowUpLead`); `updated_at` only when a mark
    /// has no time of its own (as `lead`).
    static let followUpLeadColumns = "id, org, owner, stage, consent, mql_at, requalify_trigger, requalify_at, updated_at"
    static let followUpLeadColumnCount = Int32(followUpLeadColumns.split(separator: ",").count)

    static func followUpLead(_ c: some PositionalRow) throws -> FollowUpLead {
        let id = c.int64(0) ?? 0
        return FollowUpLead(id: id, org: c.text(1) ?? "", owner: c.text(2), stage: try c.value(Stage.self, 3, table: "lead", row: id),
                            consent: try c.value(Consent.self, 4, table: "lead", row: id), mqlAt: try c.optionalDate(5, table: "lead", row: id),
                            requalify: try c.text(6).map { RequalifyMark(trigger: $0, at: try c.optionalDate(7, table: "lead", row: id) ?? c.date(8, table: "lead", row: id)) })
    }

    /// A retry's call as `call_latest` holds it (`call_id` first): what the retry rule reads.
    static let latestCallColumns = "call_id, lead_id, outcome, at, ended_at, actor, follow_up_due"
    static let latestCallColumnCount = Int32(latestCallColumns.split(separator: ",").count)

    static func latestCall(_ c: some PositionalRow) throws -> FollowUpCall {
        let id = c.int64(0) ?? 0
        return FollowUpCall(id: id, leadId: c.int64(1) ?? 0, outcome: try c.optional(CallOutcome.self, 2, table: "call", row: id),
                            at: try c.date(3, table: "call", row: id), endedAt: try c.optionalDate(4, table: "call", row: id),
                            actor: c.text(5) ?? "", followUpDue: try c.optionalDate(6, table: "call", row: id))
    }

    static let contactColumns = """
        id, lead_id, name, title, role, email, phone, consent, created_at, hubspot_id, salesforce_id,
        do_not_call, email_opt_out, source, salutation, first_name, last_name, suffix
        """

    static func contact(_ c: some PositionalRow) throws -> Contact {
        let id = c.int64(0) ?? 0
        let parts = c.text(16).map { PersonName(salutation: c.text(14) ?? "", first: c.text(15) ?? "", last: $0, suffix: c.text(17) ?? "") }
        return Contact(id: id, leadId: c.int64(1) ?? 0, name: c.text(2) ?? "", nameParts: parts, title: c.text(3),
                       role: try c.optional(ContactRole.self, 4, table: "contact", row: id),
                       email: c.text(5), phone: c.text(6), consent: try c.value(Consent.self, 7, table: "contact", row: id),
                       doNotCall: c.int64(11) == 1, emailOptOut: c.int64(12) == 1, source: c.text(13),
                       hubSpotId: c.text(9), salesforceId: c.text(10), createdAt: try c.date(8, table: "contact", row: id))
    }

    static let signalColumns = "id, lead_id, kind, note, actor, at, contact"

    static func signal(_ c: some PositionalRow) throws -> SignalEvent {
        let id = c.int64(0) ?? 0
        return SignalEvent(id: id, leadId: c.int64(1) ?? 0, kind: c.text(2) ?? "", note: c.text(3), actor: c.text(4) ?? "",
                           at: try c.date(5, table: "signal", row: id), contact: c.text(6))
    }

    static let callColumns = "id, lead_id, outcome, note, duration_min, at, ended_at, actor, follow_up_due, contact_id, consent_override"

    static func call(_ c: some PositionalRow) throws -> Call {
        let id = c.int64(0) ?? 0
        return Call(id: id, leadId: c.int64(1) ?? 0, outcome: try c.optional(CallOutcome.self, 2, table: "call", row: id),
                    note: c.text(3), durationMinutes: c.int(4), at: try c.date(5, table: "call", row: id),
                    endedAt: try c.optionalDate(6, table: "call", row: id), actor: c.text(7) ?? "",
                    followUpDue: try c.optionalDate(8, table: "call", row: id), contactId: c.int64(9), consentOverride: c.text(10))
    }

    static let nextStepColumns = "id, lead_id, action, note, owner, due, set_at, actor, done_at"

    static func nextStep(_ c: some PositionalRow) throws -> NextStep {
        let id = c.int64(0) ?? 0
        return NextStep(id: id, leadId: c.int64(1) ?? 0, action: try c.value(NextAction.self, 2, table: "next_step", row: id),
                        note: c.text(3), owner: c.text(4), due: try c.optionalDate(5, table: "next_step", row: id),
                        setAt: try c.date(6, table: "next_step", row: id), actor: c.text(7) ?? "",
                        doneAt: try c.optionalDate(8, table: "next_step", row: id))
    }
}

/// The columns of a row from `start` on, as a decoder that reads from column 0 sees them: the
/// columns of a table joined after the lead's.
struct ColumnsFrom<Row: PositionalRow>: PositionalRow {
    let row: Row
    let start: Int32

    init(_ row: Row, start: Int32) {
        self.row = row
        self.start = start
    }

    func int64(_ i: Int32) -> Int64? { row.int64(start + i) }
    func text(_ i: Int32) -> String? { row.text(start + i) }
    func isNull(_ i: Int32) -> Bool { row.isNull(start + i) }
    func storedDate(_ i: Int32) -> Date? { row.storedDate(start + i) }
    func columnName(_ i: Int32) -> String { row.columnName(start + i) }
}
