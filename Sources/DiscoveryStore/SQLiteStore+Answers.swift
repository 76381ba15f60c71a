import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Answers as revisions (`AnswerRevision` says what a revision holds): one `answer` row each.
extension SQLiteStore: AnswerStorage {
    @discardableResult
    public func recordAnswer(lead: Int64, question: String, value: AnswerValue?, note: String?,
                             people: [NamedPerson], actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { db, audit in
            var value = value
            if !people.isEmpty {
                let names = try Self.addStakeholders(people, lead: lead, db: db, audit: audit)
                value = .contacts(names)
            }
            return try Self.appendRevision(lead: lead, question: question, value: .set(value), note: note.map { .set($0) } ?? .keep,
                                           db: db, audit: audit)
        }
    }

    @discardableResult
    public func addNote(lead: Int64, question: String, note: String, actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { db, audit in
            try Self.appendRevision(lead: lead, question: question, value: .keep, note: .set(note), db: db, audit: audit)
        }
    }

    @discardableResult
    public func removeNote(lead: Int64, question: String, actor: String, at: Date) throws(DiscoveryError) -> Answer? {
        try change(actor: actor, at: at) { db, audit in
            let note = try String.fetchOne(db, sql: """
                SELECT note FROM answer WHERE lead_id = ? AND question = ? ORDER BY id DESC LIMIT 1
                """, arguments: [lead, question])
            guard note != nil else { return nil }
            return try Self.appendRevision(lead: lead, question: question, value: .keep, note: .remove, db: db, audit: audit)
        }
    }

    public func answersInForce(lead: Int64) throws(DiscoveryError) -> [String: AnswerValue] {
        try read { db in try Self.answersInForce(lead: lead, db: db) }
    }

    static func answersInForce(lead: Int64, db: Database) throws -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, question, value FROM answer
            WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = ? GROUP BY question) AND value IS NOT NULL
            """), arguments: [lead]) {
            if let value = try Rows.answerValue(row["value"], row: row["id"]) { answers[row["question"]] = value }
        }
        return answers
    }

    public func latestRevisions(lead: Int64) throws(DiscoveryError) -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM answer
                WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = ? GROUP BY question)
                ORDER BY id
                """, arguments: [lead]).map(Rows.answer)
        }
    }

    public func answerHistory(lead: Int64, question: String) throws(DiscoveryError) -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE lead_id = ? AND question = ? ORDER BY id",
                             arguments: [lead, question]).map(Rows.answer)
        }
    }

    /// Appends the revision `AnswerRevision.next` gives, linked to the lead's open call, and
    /// the audit entries `AnswerRevision.auditEntries` lists (field: the question).
    static func appendRevision(lead: Int64, question: String, value: AnswerRevision.ValueChange, note: AnswerRevision.NoteChange,
                               db: Database, audit: AuditWriter) throws -> Answer {
        guard try Int64.fetchOne(db, sql: "SELECT id FROM lead WHERE id = ?", arguments: [lead]) != nil else {
            throw DiscoveryError.failed("no lead L\(lead)")
        }
        let previous = try Row.fetchOne(db, sql: """
            SELECT value, note FROM answer WHERE lead_id = ? AND question = ? ORDER BY id DESC LIMIT 1
            """, arguments: [lead, question])
        let before = previous.map { AnswerRevision.State(value: $0["value"], note: $0["note"]) }
        let revision = AnswerRevision.next(after: before, value: value, note: note)
        let callId = try Self.openCall(db: db, lead: lead)?.id
        try db.execute(sql: """
            INSERT INTO answer (lead_id, question, value, note, call_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [lead, question, revision.value, revision.note, callId, audit.actor, audit.at])
        let id = db.lastInsertedRowID
        for entry in AnswerRevision.auditEntries(from: before, to: revision) {
            try audit.record(lead: lead, action: entry.entity == "answer" ? .revise : .update, entity: entry.entity,
                             entityId: id, field: question, old: entry.old, new: entry.new)
        }
        return Answer(id: id, leadId: lead, question: question, value: try Rows.answerValue(revision.value, row: id),
                      note: revision.note, callId: callId, actor: audit.actor, at: audit.at)
    }

    /// Adds the people of a `contacts` answer to the stakeholder map: a new contact per unknown
    /// name, the role set on a known one when given. Returns the names as stored.
    static func addStakeholders(_ people: [NamedPerson], lead: Int64, db: Database, audit: AuditWriter) throws -> [String] {
        var names: [String] = []
        for person in people {
            let existing = try Row.fetchOne(db, sql: """
                SELECT id, name, role, title FROM contact WHERE lead_id = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1
                """, arguments: [lead, person.name])
            if let existing {
                let id: Int64 = existing["id"]
                let oldRole: String? = existing["role"]
                if let role = person.role?.rawValue, role != oldRole {
                    try db.execute(sql: "UPDATE contact SET role = ? WHERE id = ?", arguments: [role, id])
                    try audit.record(lead: lead, action: .update, entity: "contact", entityId: id, field: "role",
                                     old: oldRole, new: role)
                }
                let oldTitle: String? = existing["title"]
                if let title = person.title, title != oldTitle {
                    try db.execute(sql: "UPDATE contact SET title = ? WHERE id = ?", arguments: [title, id])
                    try audit.record(lead: lead, action: .update, entity: "contact", entityId: id, field: "title",
                                     old: oldTitle, new: title)
                }
                names.append(existing["name"])
            } else {
                try db.execute(sql: """
                    INSERT INTO contact (lead_id, name, role, title, consent, created_at) VALUES (?, ?, ?, ?, 'unknown', ?)
                    """, arguments: [lead, person.name, person.role?.rawValue, person.title, audit.at])
                try audit.record(lead: lead, action: .create, entity: "contact", entityId: db.lastInsertedRowID,
                                 new: person.name)
                names.append(person.name)
            }
        }
        return names
    }
}
