/// What `undo` does to revert one change: pure, from the change's audit entries, so every
/// backend reverts a change the same way and only carries out the steps.
public enum UndoPlan {
    /// One thing to do, for one audit entry of the change.
    public enum Step: Sendable, Equatable {
        /// The entry created a row: remove it.
        case delete(entity: String, id: Int64)
        /// The entry changed a field: set it back to `value`, recording an `update` from
        /// `replacing` to `value`.
        case set(entity: String, id: Int64, lead: Int64?, field: String, value: String?, replacing: String?)
        /// The entry appended answer revision `revision`: append the previous value again (with
        /// the note in force before `revision`), keeping the history.
        case restoreAnswer(lead: Int64, question: String, value: String?, revision: Int64)
        /// The entry only records something for the log (a note change, restored with its answer).
        case nothing
    }

    /// The fields `undo` may set back, per entity; an allow-list, so an audit entry never
    /// turns into an arbitrary change. An entity that is absent cannot be undone.
    public static let undoableFields: [String: Set<String>] = [
        "lead": Set(LeadField.allCases.map(\.column)).union(["stage", "stage_reason", "stage_note", "mql_at", "stage_changed_at",
                                                               "route_rule", "requalify_trigger", "requalify_at"]),
        "contact": Set(ContactField.allCases.map(\.column)).union(["source", "do_not_call", "email_opt_out", "hubspot_id",
                                                                   "salesforce_id", "salutation", "first_name", "last_name", "suffix"]),
        "signal": [],
        "call": ["outcome", "note", "duration_min", "ended_at", "follow_up_due", "consent_override"],
        "next_step": ["done_at", "owner", "due", "note", "action"],
        "answer": [],
        "rejection": [],
    ]

    /// The steps that revert a change, with a line each for the user, in the order to carry
    /// them out: newest entry first. Refuses a change that cannot be undone (a deletion, an
    /// undo, an entry outside the allow-list).
    public static func steps(reverting entries: [AuditEntry]) throws(DiscoveryError) -> [(step: Step, summary: String)] {
        var steps: [(step: Step, summary: String)] = []
        for e in entries.sorted(by: { $0.id > $1.id }) {
            steps.append(try step(reverting: e))
        }
        return steps
    }

    static func step(reverting e: AuditEntry) throws(DiscoveryError) -> (step: Step, summary: String) {
        if e.entity == "answer_note" {
            return (.nothing, "note on \(e.field ?? "?") restored")
        }
        switch e.action {
        case .delete:
            throw .failed("the last change deleted L\(e.entityId ?? e.leadId ?? 0) and erased its personal data; a deletion cannot be undone")
        case .undo:
            throw .failed("nothing to undo")
        case .create, .update, .revise:
            break
        }
        guard let fields = undoableFields[e.entity], let id = e.entityId else {
            throw .failed("the last change (\(e.action.rawValue) \(e.entity)) cannot be undone")
        }
        switch e.action {
        case .create:
            return (.delete(entity: e.entity, id: id), "removed \(e.entity) #\(id)")
        case .update:
            guard let field = e.field, fields.contains(field) else {
                throw .failed("the last change (\(e.entity) \(e.field ?? "?")) cannot be undone")
            }
            return (.set(entity: e.entity, id: id, lead: e.leadId, field: field, value: e.oldValue, replacing: e.newValue),
                    "\(e.entity) #\(id) \(field): \(e.newValue ?? "(empty)") → \(e.oldValue ?? "(empty)")")
        default:
            guard e.entity == "answer", let lead = e.leadId, let question = e.field else {
                throw .failed("the last answer cannot be undone")
            }
            let shown: String
            do {
                shown = try AnswerCoding.decode(e.oldValue)?.display ?? "(unanswered)"
            } catch {
                throw .storage("audit entry #\(e.id): the answer value it records cannot be read; the change was not undone")
            }
            return (.restoreAnswer(lead: lead, question: question, value: e.oldValue, revision: id),
                    "answer \(question) restored to \(shown)")
        }
    }
}
