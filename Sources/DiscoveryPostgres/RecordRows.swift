import DiscoveryCore
import DiscoveryStorage
import Foundation

/// Row → value mappings for the PostgreSQL schema, in one place (as `Rows` is for SQLite).
enum RecordRows {
    static func answerValue(_ text: String?, row: Int64?) throws -> AnswerValue? {
        do {
            return try AnswerCoding.decode(text)
        } catch {
            throw StoredValueErrors.unreadableAnswer(table: "answer", row: row)
        }
    }

    static func lead(_ r: SQLRow) throws -> Lead {
        Lead(id: try r.int64(required: "id"), org: try r.text(required: "org"), type: try r.text("type"),
             specialty: try r.text("specialty"), region: try r.text("region"), beds: try r.int("beds"),
             source: try r.text("source"), profile: try r.text(required: "profile"),
             consent: try r.value(Consent.self, "consent", table: "lead"), owner: try r.text("owner"),
             stage: try r.value(Stage.self, "stage", table: "lead"),
             stageReason: try r.optional(ReasonCode.self, "stage_reason", table: "lead"),
             stageNote: try r.text("stage_note"), createdAt: try r.date(required: "created_at"),
             updatedAt: try r.date("updated_at"), stageChangedAt: try r.date("stage_changed_at"),
             mqlAt: try r.date("mql_at"), routeRule: try r.text("route_rule"),
             requalify: try r.text("requalify_trigger").map { RequalifyMark(trigger: $0, at: try r.date("requalify_at") ?? r.date(required: "updated_at")) },
             website: try r.text("website"))
    }

    /// What the follow-up rules read of a lead (`FollowUpLead`); `updated_at` only when a mark
    /// has no time of its own (as `lead`).
    static let followUpLeadColumns = "id, org, owner, stage, consent, mql_at, requalify_trigger, requalify_at, updated_at"

    static func followUpLead(_ r: SQLRow) throws -> FollowUpLead {
        FollowUpLead(id: try r.int64(required: "id"), org: try r.text(required: "org"), owner: try r.text("owner"),
                     stage: try r.value(Stage.self, "stage", table: "lead"), consent: try r.value(Consent.self, "consent", table: "lead"),
                     mqlAt: try r.date("mql_at"),
                     requalify: try r.text("requalify_trigger").map { RequalifyMark(trigger: $0, at: try r.date("requalify_at") ?? r.date(required: "updated_at")) })
    }

    /// `lead.id, lead.org, ...` (`*` as `lead.*`): a column list read from table alias `alias`.
    static func columns(_ list: String, of alias: String) -> String {
        list.split(separator: ",").map { "\(alias).\($0.trimmingCharacters(in: .whitespaces))" }.joined(separator: ", ")
    }

    /// A contact; `prefix` names its columns when it is read joined to its lead (`c_name`, ...).
    static func contact(_ r: SQLRow, prefix: String = "", leadId: Int64? = nil) throws -> Contact {
        let id = prefix + "id"
        let parts = try r.text(prefix + "last_name").map { last in
            PersonName(salutation: try r.text(prefix + "salutation") ?? "", first: try r.text(prefix + "first_name") ?? "",
                       last: last, suffix: try r.text(prefix + "suffix") ?? "")
        }
        return Contact(id: try r.int64(required: id), leadId: try leadId ?? r.int64(required: "lead_id"),
                       name: try r.text(required: prefix + "name"), nameParts: parts, title: try r.text(prefix + "title"),
                       role: try r.optional(ContactRole.self, prefix + "role", table: "contact", id: id),
                       email: try r.text(prefix + "email"), phone: try r.text(prefix + "phone"),
                       consent: try r.value(Consent.self, prefix + "consent", table: "contact", id: id),
                       doNotCall: try r.int64(prefix + "do_not_call") == 1, emailOptOut: try r.int64(prefix + "email_opt_out") == 1,
                       source: try r.text(prefix + "source"), hubSpotId: try r.text(prefix + "hubspot_id"),
                       salesforceId: try r.text(prefix + "salesforce_id"), createdAt: try r.date(required: prefix + "created_at"))
    }

    static func answer(_ r: SQLRow) throws -> Answer {
        let id = try r.int64(required: "id")
        return Answer(id: id, leadId: try r.int64(required: "lead_id"), question: try r.text(required: "question"),
                      value: try answerValue(r.text("value"), row: id), note: try r.text("note"),
                      callId: try r.int64("call_id"), actor: try r.text(required: "actor"), at: try r.date(required: "at"))
    }

    static func call(_ r: SQLRow) throws -> Call {
        Call(id: try r.int64(required: "id"), leadId: try r.int64(required: "lead_id"),
             outcome: try r.optional(CallOutcome.self, "outcome", table: "call"),
             note: try r.text("note"), durationMinutes: try r.int("duration_min"), at: try r.date(required: "at"),
             endedAt: try r.date("ended_at"), actor: try r.text(required: "actor"), followUpDue: try r.date("follow_up_due"),
             contactId: try r.int64("contact_id"), consentOverride: try r.text("consent_override"))
    }

    static func signal(_ r: SQLRow) throws -> SignalEvent {
        SignalEvent(id: try r.int64(required: "id"), leadId: try r.int64(required: "lead_id"), kind: try r.text(required: "kind"),
                    note: try r.text("note"), actor: try r.text(required: "actor"), at: try r.date(required: "at"),
                    contact: try r.text("contact"))
    }

    static func rejection(_ r: SQLRow) throws -> Rejection {
        Rejection(id: try r.int64(required: "id"), leadId: try r.int64(required: "lead_id"),
                  reason: try r.value(RejectionReason.self, "reason", table: "rejection"), note: try r.text("note"),
                  actor: try r.text(required: "actor"), at: try r.date(required: "at"))
    }

    static func nextStep(_ r: SQLRow) throws -> NextStep {
        NextStep(id: try r.int64(required: "id"), leadId: try r.int64(required: "lead_id"),
                 action: try r.value(NextAction.self, "action", table: "next_step"), note: try r.text("note"),
                 owner: try r.text("owner"), due: try r.date("due"), setAt: try r.date(required: "set_at"),
                 actor: try r.text(required: "actor"), doneAt: try r.date("done_at"))
    }

    static func auditEntry(_ r: SQLRow) throws -> AuditEntry {
        AuditEntry(id: try r.int64(required: "id"), changeId: try r.int64(required: "change_id"), at: try r.date(required: "at"),
                   actor: try r.text(required: "actor"), leadId: try r.int64("lead_id"),
                   action: try r.value(AuditAction.self, "action", table: "audit"), entity: try r.text(required: "entity"),
                   entityId: try r.int64("entity_id"), field: try r.text("field"), oldValue: try r.text("old_value"),
                   newValue: try r.text("new_value"))
    }
}
