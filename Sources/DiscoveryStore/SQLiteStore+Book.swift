import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    /// Every lead's qualification record in a handful of queries: one cursor over the leads and
    /// one over each table of their records, all in lead order, merged as they are read. No
    /// statement per lead, every row read once, only the answers in force decoded, and only
    /// the record being handed out held in memory (the whole-book path of `report scores`,
    /// `export --format json`, reviews and replays).
    func forEachRecordOfTheBook(createdSince since: Date?, _ body: (QualificationRecord) throws -> Void) throws {
        try queue.read { db in
            let leads = try RawStatement(db, sql: "SELECT \(RawRows.leadColumns) FROM lead"
                                             + (since == nil ? "" : " WHERE created_at >= ?") + " ORDER BY id")
            try leads.start(since.map { [$0.databaseValue] } ?? [])
            var contacts = try LeadOrdered(db, "SELECT \(RawRows.contactColumns) FROM contact ORDER BY lead_id, id", RawRows.contact)
            var signals = try LeadOrdered(db, "SELECT \(RawRows.signalColumns) FROM signal ORDER BY lead_id, at, id", RawRows.signal)
            var calls = try LeadOrdered(db, "SELECT \(RawRows.callColumns) FROM call ORDER BY lead_id, at, id", RawRows.call)
            // Open steps in id order: the newest open one of a lead is its last.
            var steps = try LeadOrdered(db, "SELECT \(RawRows.nextStepColumns) FROM next_step WHERE done_at IS NULL ORDER BY lead_id, id",
                                        RawRows.nextStep)
            // Every revision, newest last per question; only the value of the newest is decoded.
            var revisions = try LeadOrdered(db, "SELECT id, lead_id, question, value, at FROM answer ORDER BY lead_id, question, id") {
                Revision(id: $0.int64(0) ?? 0, question: $0.text(2) ?? "", value: $0.text(3), at: try $0.optionalDate(4, table: "answer", row: $0.int64(0)))
            }
            while let row = try leads.next() {
                let lead = try RawRows.lead(row)
                var answers: [String: AnswerValue] = [:]
                var lastAnswerAt: Date?
                var inForce: Revision?
                for r in try revisions.take(lead.id) {
                    if let current = inForce, current.question != r.question, let value = current.value {
                        answers[current.question] = try Rows.answerValue(value, row: current.id)
                    }
                    inForce = r
                    if let at = r.at, at > (lastAnswerAt ?? .distantPast) { lastAnswerAt = at }
                }
                if let current = inForce, let value = current.value {
                    answers[current.question] = try Rows.answerValue(value, row: current.id)
                }
                try body(QualificationRecord(
                    lead: lead, contacts: try contacts.take(lead.id), answers: answers, signals: try signals.take(lead.id),
                    calls: try calls.take(lead.id), nextStep: try steps.take(lead.id).last,
                    lastAnswerAt: lastAnswerAt))
            }
        }
    }
}

/// One answer revision as the book's cursor reads it.
private struct Revision {
    let id: Int64
    let question: String
    let value: String?
    let at: Date?
}

/// A cursor over the rows of one table in lead order (its second column is `lead_id`), decoded
/// as read: `take(lead)` gives the rows of that lead, skipping those of leads before it (leads
/// outside the book read, or deleted meanwhile in another state: never, within one read). The
/// statement's row changes at each step, so the one row read ahead is kept decoded.
private struct LeadOrdered<Value> {
    private let statement: RawStatement
    private let decode: (RawStatement.Columns) throws -> Value
    private var ahead: (lead: Int64, value: Value)?
    private var done = false

    init(_ db: Database, _ sql: String, _ decode: @escaping (RawStatement.Columns) throws -> Value) throws {
        statement = try RawStatement(db, sql: sql)
        try statement.start()
        self.decode = decode
    }

    mutating func take(_ lead: Int64) throws -> [Value] {
        var values: [Value] = []
        while true {
            if ahead == nil {
                guard !done, let row = try statement.next() else { done = true; return values }
                ahead = (row.int64(1) ?? 0, try decode(row))
            }
            guard let next = ahead, next.lead <= lead else { return values }
            if next.lead == lead { values.append(next.value) }
            ahead = nil
        }
    }
}
