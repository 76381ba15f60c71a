import DiscoveryCore
import Foundation

/// A lead's whole qualification record as one row: the lead's columns and, beside them, its
/// contacts, answers in force, signals, calls and open next step as JSON (`json_agg`), so one
/// statement reads what took one per table. The same shape for one lead (`status`) and for a
/// page of the book (reports, export, replay).
enum RecordQuery {
    /// Without contacts, `record_contacts` is an empty list.
    static func columns(contacts: Bool) -> String {
        let contactList = contacts ? "(SELECT coalesce(json_agg(c ORDER BY c.id), '[]')::text FROM contact c WHERE c.lead_id = l.id)" : "'[]'"
        return """
        l.*,
        \(contactList) AS record_contacts,
        (SELECT coalesce(json_agg(a), '[]')::text FROM answer a
          WHERE a.id IN (SELECT max(id) FROM answer WHERE lead_id = l.id GROUP BY question) AND a.value IS NOT NULL) AS record_answers,
        (SELECT max(at) FROM answer WHERE lead_id = l.id) AS record_last_answer_at,
        (SELECT coalesce(json_agg(g ORDER BY g.at, g.id), '[]')::text FROM signal g WHERE g.lead_id = l.id) AS record_signals,
        (SELECT coalesce(json_agg(k ORDER BY k.at, k.id), '[]')::text FROM call k WHERE k.lead_id = l.id) AS record_calls,
        (SELECT row_to_json(n)::text FROM next_step n WHERE n.lead_id = l.id AND n.done_at IS NULL
          ORDER BY n.id DESC LIMIT 1) AS record_next_step
        """
    }

    /// One lead: `$1` its id.
    static let lead = "SELECT \(columns(contacts: true)) FROM lead l WHERE l.id = $1"
    /// A page of the book: leads after id `$1`, at most `$2`; with `createdSince`, only those
    /// created since `$3`.
    static func page(contacts: Bool, createdSince: Bool) -> String {
        "SELECT \(columns(contacts: contacts)) FROM lead l WHERE l.id > $1" + (createdSince ? " AND l.created_at >= $3" : "")
            + " ORDER BY l.id LIMIT $2"
    }

    static func record(_ row: SQLRow) throws -> QualificationRecord {
        let lead = try RecordRows.lead(row)
        let contacts = try objects(row, "record_contacts").map { try RecordRows.contact(SQLRow(json: $0)) }
        var answers: [String: AnswerValue] = [:]
        for object in try objects(row, "record_answers") {
            let answer = SQLRow(json: object)
            if let value = try RecordRows.answerValue(answer.text("value"), row: answer.int64("id")) {
                answers[try answer.text(required: "question")] = value
            }
        }
        let signals = try objects(row, "record_signals").map { try RecordRows.signal(SQLRow(json: $0)) }
        let calls = try objects(row, "record_calls").map { try RecordRows.call(SQLRow(json: $0)) }
        let nextStep = try row.text("record_next_step").map { text in try RecordRows.nextStep(SQLRow(json: try object(text))) }
        return QualificationRecord(lead: lead, contacts: contacts, answers: answers, signals: signals, calls: calls,
                                   nextStep: nextStep, lastAnswerAt: try row.date("record_last_answer_at"))
    }

    private static func objects(_ row: SQLRow, _ column: String) throws -> [[String: Any]] {
        let text = try row.text(required: column)
        guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw DiscoveryError.storage("the database returned an unreadable \(column); is the schema current? Run `discovery db status`")
        }
        return list
    }

    private static func object(_ text: String) throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw DiscoveryError.storage("the database returned an unreadable next step; is the schema current? Run `discovery db status`")
        }
        return object
    }
}
