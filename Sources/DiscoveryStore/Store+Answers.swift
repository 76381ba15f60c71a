import DiscoveryCore
import Foundation
import GRDB

/// Answers are revisions: each recorded answer, note or retraction appends one `answer` row;
/// the newest row of a question is the state in force (its value, `NULL` when unanswered or
/// retracted, and its note). A note stays with the question until a new note replaces it,
/// so every revision carries the note in force.
extension Store {
    /// Records `value` (`nil` retracts) for `question` as a new revision, in one audited change:
    /// linked to the lead's open call (`call start`) if there is one, carrying the note in force unless `note`
    /// gives a new one, and adding `people` to the stakeholder map (a `contacts` answer).
    @discardableResult
    public func recordAnswer(lead: Int64, question: String, value: AnswerValue?, note: String? = nil,
                             people: [NamedPerson] = [], actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { db, audit in
            var value = value
            if !people.isEmpty {
                let names = try Self.addStakeholders(people, lead: lead, db: db, audit: audit)
                value = .contacts(names)
            }
            return try Self.appendRevision(lead: lead, question: question, value: .set(value), note: note,
                                           db: db, audit: audit)
        }
    }

    /// Attaches `note` to the question's answer in force (or to the unanswered question) as a
    /// new revision with the same value.
    @discardableResult
    public func addNote(lead: Int64, question: String, note: String, actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { db, audit in
            try Self.appendRevision(lead: lead, question: question, value: .keep, note: note, db: db, audit: audit)
        }
    }

    /// Removes the note in force from the question as a new revision with the same value (the
    /// revisions before it keep the note, so `undo` and `answers --history` still show it).
    /// `nil` when the question has no note: nothing is written.
    @discardableResult
    public func removeNote(lead: Int64, question: String, actor: String, at: Date) throws(DiscoveryError) -> Answer? {
        try change(actor: actor, at: at) { db, audit in
            let note = try String.fetchOne(db, sql: """
                SELECT note FROM answer WHERE lead_id = ? AND question = ? ORDER BY id DESC LIMIT 1
                """, arguments: [lead, question])
            guard note != nil else { return nil }
            return try Self.appendRevision(lead: lead, question: question, value: .keep, note: nil, clearingNote: true,
                                           db: db, audit: audit)
        }
    }

    /// The answers in force for a lead (`set.question` → value); unanswered and retracted
    /// questions are absent.
    public func answersInForce(lead: Int64) throws(DiscoveryError) -> [String: AnswerValue] {
        try read { db in try Self.answersInForce(lead: lead, db: db) }
    }

    static func answersInForce(lead: Int64, db: Database) throws -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT question, value FROM answer
            WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = ? GROUP BY question) AND value IS NOT NULL
            """), arguments: [lead]) {
            if let value = AnswerCoding.decode(row["value"]) { answers[row["question"]] = value }
        }
        return answers
    }

    /// The newest revision of every question the lead has a revision for, oldest first:
    /// answers in force, and notes on questions not (or no longer) answered.
    public func latestRevisions(lead: Int64) throws(DiscoveryError) -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM answer
                WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = ? GROUP BY question)
                ORDER BY id
                """, arguments: [lead]).map(Answer.init)
        }
    }

    /// Every revision of one question for a lead, oldest first.
    public func answerHistory(lead: Int64, question: String) throws(DiscoveryError) -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE lead_id = ? AND question = ? ORDER BY id",
                             arguments: [lead, question]).map(Answer.init)
        }
    }

    /// What a new revision does to the value.
    enum RevisionValue {
        case set(AnswerValue?)
        case keep
    }

    /// Appends one revision and its audit entries: `revise` on `answer` (field: the question,
    /// old/new: the value as JSON) — what `undo` reverts — and, when the note changes, an
    /// `update` on `answer_note` that records the old and new note for the log.
    static func appendRevision(lead: Int64, question: String, value: RevisionValue, note: String?,
                               clearingNote: Bool = false, db: Database, audit: AuditWriter) throws -> Answer {
        guard try Int64.fetchOne(db, sql: "SELECT id FROM lead WHERE id = ?", arguments: [lead]) != nil else {
            throw DiscoveryError.failed("no lead L\(lead)")
        }
        let previous = try Row.fetchOne(db, sql: """
            SELECT value, note FROM answer WHERE lead_id = ? AND question = ? ORDER BY id DESC LIMIT 1
            """, arguments: [lead, question])
        let oldJSON: String? = previous?["value"]
        let oldNote: String? = previous?["note"]
        let newJSON: String?
        switch value {
        case .set(let v): newJSON = AnswerCoding.encode(v)
        case .keep: newJSON = oldJSON
        }
        let newNote = clearingNote ? nil : note ?? oldNote
        let callId = try CallRows.openCall(db: db, lead: lead)?.id
        try db.execute(sql: """
            INSERT INTO answer (lead_id, question, value, note, call_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [lead, question, newJSON, newNote, callId, audit.actor, audit.at])
        let id = db.lastInsertedRowID
        try audit.record(lead: lead, action: .revise, entity: "answer", entityId: id, field: question,
                         old: oldJSON, new: newJSON)
        if newNote != oldNote {
            try audit.record(lead: lead, action: .update, entity: "answer_note", entityId: id, field: question,
                             old: oldNote, new: newNote)
        }
        return Answer(id: id, leadId: lead, question: question, value: AnswerCoding.decode(newJSON), note: newNote,
                      callId: callId, actor: audit.actor, at: audit.at)
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

extension Answer {
    init(row: Row) {
        self.init(id: row["id"], leadId: row["lead_id"], question: row["question"],
                  value: AnswerCoding.decode(row["value"]), note: row["note"], callId: row["call_id"],
                  actor: row["actor"], at: row["at"])
    }
}
