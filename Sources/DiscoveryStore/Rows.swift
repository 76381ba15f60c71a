import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Row → value mappings, in one place so every query reads records the same way. A stored
/// value this version does not know (a stage, a consent, an action) is an error naming the
/// table, the row and the value: never read as a default in silence. Dates are read through `StoredDate`
/// (`Row.date`): GRDB's own `Date` conversion builds a Foundation calendar, a cost at the start
/// of every `status`.
enum Rows {
    /// A value of a fixed list, read from `column` of a `table` row.
    static func value<T: RawRepresentable>(_ type: T.Type, _ row: Row, _ column: String, table: String,
                                           id: String = "id") throws -> T where T.RawValue == String {
        let text: String = row[column]
        guard let value = T(rawValue: text) else { throw unknown(table: table, row: row[id], column: column, value: text) }
        return value
    }

    /// The same for a column that may be NULL.
    static func optional<T: RawRepresentable>(_ type: T.Type, _ row: Row, _ column: String, table: String,
                                              id: String = "id") throws -> T? where T.RawValue == String {
        guard let text: String = row[column] else { return nil }
        guard let value = T(rawValue: text) else { throw unknown(table: table, row: row[id], column: column, value: text) }
        return value
    }

    /// An answer value stored as JSON (`AnswerCoding`).
    static func answerValue(_ text: String?, table: String = "answer", row: Int64?) throws -> AnswerValue? {
        do {
            return try AnswerCoding.decode(text)
        } catch {
            throw StoredValueErrors.unreadableAnswer(table: table, row: row)
        }
    }

    static func unknown(table: String, row: Int64?, column: String, value: String) -> DiscoveryError {
        StoredValueErrors.unknown(table: table, row: row, column: column, value: value)
    }

    static func lead(_ row: Row) throws -> Lead {
        Lead(id: row["id"], org: row["org"], type: row["type"], specialty: row["specialty"],
             region: row["region"], beds: row["beds"], source: row["source"], profile: row["profile"],
             consent: try value(Consent.self, row, "consent", table: "lead"), owner: row["owner"],
             stage: try value(Stage.self, row, "stage", table: "lead"),
             stageReason: try optional(ReasonCode.self, row, "stage_reason", table: "lead"),
             stageNote: row["stage_note"], createdAt: row.requiredDate("created_at"),
             updatedAt: row.date("updated_at"), stageChangedAt: row.date("stage_changed_at"),
             mqlAt: row.date("mql_at"), routeRule: row["route_rule"],
             requalify: (row["requalify_trigger"] as String?).map { RequalifyMark(trigger: $0, at: row.date("requalify_at") ?? row.requiredDate("updated_at")) },
             website: row["website"])
    }

    /// A contact; `prefix` names its columns when it is read joined to its lead (`c_name`, ...).
    static func contact(_ row: Row, prefix: String = "", leadId: Int64? = nil) throws -> Contact {
        let id = prefix + "id"
        return Contact(id: row[id], leadId: leadId ?? row["lead_id"], name: row[prefix + "name"],
                       nameParts: nameParts(row, prefix: prefix), title: row[prefix + "title"],
                       role: try optional(ContactRole.self, row, prefix + "role", table: "contact", id: id),
                       email: row[prefix + "email"], phone: row[prefix + "phone"],
                       consent: try value(Consent.self, row, prefix + "consent", table: "contact", id: id),
                       doNotCall: row[prefix + "do_not_call"] ?? false, emailOptOut: row[prefix + "email_opt_out"] ?? false,
                       source: row[prefix + "source"], hubSpotId: row[prefix + "hubspot_id"],
                       salesforceId: row[prefix + "salesforce_id"], createdAt: row.requiredDate(prefix + "created_at"))
    }

    /// A contact's name parts; `nil` when `last_name` is NULL (the name was not split).
    static func nameParts(_ row: Row, prefix: String = "") -> PersonName? {
        guard let last: String = row[prefix + "last_name"] else { return nil }
        return PersonName(salutation: row[prefix + "salutation"] ?? "", first: row[prefix + "first_name"] ?? "",
                          last: last, suffix: row[prefix + "suffix"] ?? "")
    }

    static func answer(_ row: Row) throws -> Answer {
        Answer(id: row["id"], leadId: row["lead_id"], question: row["question"],
               value: try answerValue(row["value"], row: row["id"]), note: row["note"], callId: row["call_id"],
               actor: row["actor"], at: row.requiredDate("at"))
    }

    static func call(_ row: Row) throws -> Call { try call(row, prefix: "") }

    /// A call; `prefix` names its columns when it is read joined to its lead (`c_at`, ...).
    static func call(_ row: Row, prefix: String) throws -> Call {
        Call(id: row[prefix + "id"], leadId: row[prefix + "lead_id"],
             outcome: try optional(CallOutcome.self, row, prefix + "outcome", table: "call", id: prefix + "id"),
             note: row[prefix + "note"], durationMinutes: row[prefix + "duration_min"], at: row.requiredDate(prefix + "at"),
             endedAt: row.date(prefix + "ended_at"), actor: row[prefix + "actor"], followUpDue: row.date(prefix + "follow_up_due"),
             contactId: row[prefix + "contact_id"], consentOverride: row[prefix + "consent_override"])
    }

    static func signal(_ row: Row) -> SignalEvent {
        SignalEvent(id: row["id"], leadId: row["lead_id"], kind: row["kind"], note: row["note"],
                    actor: row["actor"], at: row.requiredDate("at"), contact: row["contact"])
    }

    static func rejection(_ row: Row) throws -> Rejection {
        Rejection(id: row["id"], leadId: row["lead_id"], reason: try value(RejectionReason.self, row, "reason", table: "rejection"),
                  note: row["note"], actor: row["actor"], at: row.requiredDate("at"))
    }

    static func nextStep(_ row: Row) throws -> NextStep { try nextStep(row, prefix: "") }

    /// A next step; `prefix` names its columns when it is read joined to its lead (`n_due`, ...).
    static func nextStep(_ row: Row, prefix: String) throws -> NextStep {
        NextStep(id: row[prefix + "id"], leadId: row[prefix + "lead_id"],
                 action: try value(NextAction.self, row, prefix + "action", table: "next_step", id: prefix + "id"),
                 note: row[prefix + "note"], owner: row[prefix + "owner"], due: row.date(prefix + "due"), setAt: row.requiredDate(prefix + "set_at"),
                 actor: row[prefix + "actor"], doneAt: row.date(prefix + "done_at"))
    }

    static func auditEntry(_ row: Row) throws -> AuditEntry {
        AuditEntry(id: row["id"], changeId: row["change_id"], at: row["at"], actor: row["actor"], leadId: row["lead_id"],
                   action: try value(AuditAction.self, row, "action", table: "audit"), entity: row["entity"],
                   entityId: row["entity_id"], field: row["field"], oldValue: row["old_value"], newValue: row["new_value"])
    }
}
