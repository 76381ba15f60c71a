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
    func forEachRecordOfTheBook(createdSince since: Date?, contacts withContacts: Bool = true,
                                _ body: (QualificationRecord) throws -> Void) throws {
        try reader.read { db in
            let leads = try RawStatement(db, sql: "SELECT \(RawRows.leadColumns) FROM lead"
                                             + (since == nil ? "" : " WHERE created_at >= ?") + " ORDER BY id")
            try leads.start(since.map { [$0.databaseValue] } ?? [])
            var contacts = withContacts
                ? try LeadOrdered(db, "SELECT \(RawRows.contactColumns) FROM contact ORDER BY lead_id, id", RawRows.contact) : nil
            var signals = try LeadOrdered(db, "SELECT \(RawRows.signalColumns) FROM signal ORDER BY lead_id, at, id", RawRows.signal)
            var calls = try LeadOrdered(db, "SELECT \(RawRows.callColumns) FROM call ORDER BY lead_id, at, id", RawRows.call)
            // Open steps in id order: the newest open one of a lead is its last.
            var steps = try LeadOrdered(db, "SELECT \(RawRows.nextStepColumns) FROM next_step WHERE done_at IS NULL ORDER BY lead_id, id",
                                        RawRows.nextStep)
            var revisions = try AnswersInForce(db)
            while let row = try leads.next() {
                let lead = try RawRows.lead(row)
                let (answers, lastAnswerAt) = try revisions.take(lead.id)
                try body(QualificationRecord(
                    lead: lead, contacts: try contacts?.take(lead.id) ?? [], answers: answers, signals: try signals.take(lead.id),
                    calls: try calls.take(lead.id), nextStep: try steps.take(lead.id).last,
                    lastAnswerAt: lastAnswerAt))
            }
        }
    }
}

/// The answers in force of each lead, from every revision in (lead, question, id) order. A
/// question's revisions are told apart by their bytes and only its newest is decoded, so no
/// string is made for a revision that a newer one replaced (a third of the benchmark book's rows). The newest
/// row seen of the current question is kept as bytes until the next row shows it was the last.
struct AnswersInForce {
    private let statement: RawStatement
    private var ahead: RawStatement.Columns?
    private var done = false
    // The newest revision seen of the question being read.
    private var question: [UInt8] = []
    private var value: [UInt8]?
    private var id: Int64 = 0
    private var open = false
    /// The last lead's number of answers: the next lead's dictionary is made that large at once.
    private var sizeHint = 0

    /// Read from the answer index alone (`Schema.v7AnswerCoveringIndex`).
    static let sql = "SELECT id, lead_id, question, value, at FROM answer ORDER BY lead_id, question, id"

    init(_ db: some RawStatementSource) throws {
        statement = try RawStatement(db, sql: Self.sql)
        try statement.start()
    }

    /// `lead`'s answers in force and when its newest revision was recorded; the rows of leads
    /// before it are skipped.
    mutating func take(_ lead: Int64) throws -> (answers: [String: AnswerValue], lastAnswerAt: Date?) {
        var answers = [String: AnswerValue](minimumCapacity: sizeHint)
        var last: Date?
        while true {
            if ahead == nil {
                guard !done, let row = try statement.next() else { done = true; break }
                ahead = row
            }
            guard let row = ahead, let rowLead = row.int64(1), rowLead <= lead else { break }
            ahead = nil
            guard rowLead == lead else { continue }
            let rowId = row.int64(0) ?? 0
            let q = row.bytes(2) ?? UnsafeBufferPointer(start: nil, count: 0)
            if !open || !q.elementsEqual(question) {
                if open { try settle(&answers) }
                question.removeAll(keepingCapacity: true)
                question.append(contentsOf: q)
                open = true
            }
            id = rowId
            if let v = row.bytes(3) {
                if value == nil { value = [] }
                value!.removeAll(keepingCapacity: true)
                value!.append(contentsOf: v)
            } else {
                value = nil
            }
            if let at = try row.optionalDate(4, table: "answer", row: rowId), at > (last ?? .distantPast) { last = at }
        }
        if open { try settle(&answers) }
        sizeHint = answers.count
        return (answers, last)
    }

    /// The question's newest revision, in force unless it retracted the answer.
    private mutating func settle(_ answers: inout [String: AnswerValue]) throws {
        open = false
        guard let bytes = value else { return }
        let decoded: AnswerValue
        do {
            decoded = try bytes.withUnsafeBufferPointer { try AnswerCoding.decode(bytes: $0) }
        } catch {
            throw StoredValueErrors.unreadableAnswer(table: "answer", row: id)
        }
        answers[String(decoding: question, as: UTF8.self)] = decoded
    }
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

    init(_ db: some RawStatementSource, _ sql: String, _ decode: @escaping (RawStatement.Columns) throws -> Value) throws {
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
