import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Whose qualification records a read gives: the whole book (or the leads created since a
/// moment), or one lead.
enum RecordScope {
    case book(createdSince: Date?)
    case lead(Int64)
}

extension SQLiteStore {
    /// Every lead's qualification record in a handful of queries: one cursor over the leads and
    /// one over each table of their records, all in lead order, merged as they are read. No
    /// statement per lead, every row read once, only the answers in force decoded, and only
    /// the record being handed out held in memory (the whole-book path of `report scores`,
    /// `export --format json`, reviews and replays).
    func forEachRecordOfTheBook(createdSince since: Date?, contacts withContacts: Bool = true,
                                _ body: (QualificationRecord) throws -> Void) throws {
        try reader.read { db in try Self.forEachRecord(.book(createdSince: since), contacts: withContacts, db, body) }
    }

    /// The records of `scope`, read as described above: for one lead, each table through its
    /// lead index, with statements compiled once for the connection (`cachedRaw`).
    static func forEachRecord(_ scope: RecordScope, contacts withContacts: Bool, _ db: ReadConnection,
                              _ body: (QualificationRecord) throws -> Void) throws {
        let leadFilter: String, rowFilter: String, args: [DatabaseValue], rowArgs: [DatabaseValue]
        switch scope {
        case .book(let since):
            leadFilter = since == nil ? "" : " WHERE created_at >= ?"
            rowFilter = ""
            args = since.map { [$0.databaseValue] } ?? []
            rowArgs = []
        case .lead(let id):
            leadFilter = " WHERE id = ?"
            rowFilter = " AND lead_id = ?"
            args = [id.databaseValue]
            rowArgs = args
        }
        func statement(_ sql: String) throws -> RawStatement {
            if case .lead = scope { return try db.cachedRaw(sql) }
            return try RawStatement(db, sql: sql)
        }
        func cursor<Value>(_ columns: String, _ table: String, _ condition: String, order: String,
                           _ decode: @escaping (RawStatement.Columns) throws -> Value) throws -> LeadOrdered<Value> {
            try LeadOrdered(statement("SELECT \(columns) FROM \(table) WHERE \(condition)\(rowFilter) ORDER BY lead_id, \(order)"),
                            rowArgs, decode)
        }
        let leads = try statement("SELECT \(RawRows.leadColumns) FROM lead\(leadFilter) ORDER BY id")
        try leads.start(args)
        var contacts = withContacts ? try cursor(RawRows.contactColumns, "contact", "1", order: "id", RawRows.contact) : nil
        var signals = try cursor(RawRows.signalColumns, "signal", "1", order: "at, id", RawRows.signal)
        var calls = try cursor(RawRows.callColumns, "call", "1", order: "at, id", RawRows.call)
        // Open steps in id order: the newest open one of a lead is its last.
        var steps = try cursor(RawRows.nextStepColumns, "next_step", "done_at IS NULL", order: "id", RawRows.nextStep)
        var revisions = try AnswersInForce(statement(AnswersInForce.sql(rowFilter)), rowArgs)
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

    /// Read from the answer index alone (`Schema.v7AnswerCoveringIndex`); `filter` narrows
    /// the rows (` AND lead_id = ?`), or is empty.
    static func sql(_ filter: String) -> String {
        "SELECT id, lead_id, question, value, at FROM answer WHERE 1\(filter) ORDER BY lead_id, question, id"
    }

    init(_ statement: RawStatement, _ args: [DatabaseValue]) throws {
        self.statement = statement
        try statement.start(args)
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
