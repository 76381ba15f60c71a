import DiscoveryCore
import DiscoveryStorage
import Foundation

/// Answers as revisions (`AnswerRevision` says what a revision holds): one `answer` row each.
extension PostgresStore: AnswerStorage {
    @discardableResult
    public func recordAnswer(lead: Int64, question: String, value: AnswerValue?, note: String?,
                             people: [NamedPerson], actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, lead)
            var value = value
            if !people.isEmpty {
                value = .contacts(try Self.addStakeholders(people, lead: lead, s: s, audit: audit))
            }
            return try Self.appendRevision(lead: lead, question: question, value: .set(value), note: note.map { .set($0) } ?? .keep,
                                           s: s, audit: audit)
        }
    }

    @discardableResult
    public func addNote(lead: Int64, question: String, note: String, actor: String, at: Date) throws(DiscoveryError) -> Answer {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, lead)
            return try Self.appendRevision(lead: lead, question: question, value: .keep, note: .set(note), s: s, audit: audit)
        }
    }

    @discardableResult
    public func removeNote(lead: Int64, question: String, actor: String, at: Date) throws(DiscoveryError) -> Answer? {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, lead)
            let note = try s.one("SELECT note FROM answer WHERE lead_id = $1 AND question = $2 ORDER BY id DESC LIMIT 1",
                                 .i(lead), .t(question))?.text("note")
            guard note != nil else { return nil }
            return try Self.appendRevision(lead: lead, question: question, value: .keep, note: .remove, s: s, audit: audit)
        }
    }

    public func answersInForce(lead: Int64) throws(DiscoveryError) -> [String: AnswerValue] {
        try statement { s in try Self.answersInForce(lead: lead, s: s) }
    }

    static func answersInForce(lead: Int64, s: SQLSession) throws -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [:]
        for row in try s.rows("""
            SELECT id, question, value FROM answer
            WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = $1 GROUP BY question) AND value IS NOT NULL
            """, .i(lead)) {
            if let value = try RecordRows.answerValue(row.text("value"), row: row.int64("id")) {
                answers[try row.text(required: "question")] = value
            }
        }
        return answers
    }

    public func latestRevisions(lead: Int64) throws(DiscoveryError) -> [Answer] {
        try statement { s in
            try s.rows("""
                SELECT * FROM answer WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = $1 GROUP BY question) ORDER BY id
                """, .i(lead)).map(RecordRows.answer)
        }
    }

    public func answerHistory(lead: Int64, question: String) throws(DiscoveryError) -> [Answer] {
        try statement { s in
            try s.rows("SELECT * FROM answer WHERE lead_id = $1 AND question = $2 ORDER BY id", .i(lead), .t(question))
                .map(RecordRows.answer)
        }
    }

    /// Appends the revision `AnswerRevision.next` gives, linked to the lead's open call, and the
    /// audit entries `AnswerRevision.auditEntries` lists. The lead's row is locked by the caller,
    /// so two teammates answering the same question take turns and each sees the other's revision.
    static func appendRevision(lead: Int64, question: String, value: AnswerRevision.ValueChange, note: AnswerRevision.NoteChange,
                               s: SQLSession, audit: AuditLog) throws -> Answer {
        let previous = try s.one("""
            SELECT value, note FROM answer WHERE lead_id = $1 AND question = $2 ORDER BY id DESC LIMIT 1
            """, .i(lead), .t(question))
        let before = try previous.map { AnswerRevision.State(value: try $0.text("value"), note: try $0.text("note")) }
        let revision = AnswerRevision.next(after: before, value: value, note: note)
        let callId = try openCall(s, lead: lead)?.id
        let id = try s.insert("""
            INSERT INTO answer (lead_id, question, value, note, call_id, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, .i(lead), .t(question), .t(revision.value), .t(revision.note), .i(callId), .t(audit.actor), .d(audit.at))
        for entry in AnswerRevision.auditEntries(from: before, to: revision) {
            try audit.record(lead: lead, action: entry.entity == "answer" ? .revise : .update, entity: entry.entity,
                             entityId: id, field: question, old: entry.old, new: entry.new)
        }
        return Answer(id: id, leadId: lead, question: question, value: try RecordRows.answerValue(revision.value, row: id),
                      note: revision.note, callId: callId, actor: audit.actor, at: StoredTime.rounded(audit.at))
    }

    /// Adds the people of a `contacts` answer to the stakeholder map: a new contact per unknown
    /// name, the role set on a known one when given. Returns the names as stored.
    static func addStakeholders(_ people: [NamedPerson], lead: Int64, s: SQLSession, audit: AuditLog) throws -> [String] {
        var names: [String] = []
        for person in people {
            if let existing = try s.one("""
                SELECT id, name, role, title FROM contact WHERE lead_id = $1 AND lower(name) = lower($2) ORDER BY id LIMIT 1
                """, .i(lead), .t(person.name)) {
                let id = try existing.int64(required: "id")
                let oldRole = try existing.text("role")
                if let role = person.role?.rawValue, role != oldRole {
                    try s.exec("UPDATE contact SET role = $1 WHERE id = $2", .t(role), .i(id))
                    try audit.record(lead: lead, action: .update, entity: "contact", entityId: id, field: "role", old: oldRole, new: role)
                }
                let oldTitle = try existing.text("title")
                if let title = person.title, title != oldTitle {
                    try s.exec("UPDATE contact SET title = $1 WHERE id = $2", .t(title), .i(id))
                    try audit.record(lead: lead, action: .update, entity: "contact", entityId: id, field: "title", old: oldTitle, new: title)
                }
                names.append(try existing.text(required: "name"))
            } else {
                let id = try s.insert("""
                    INSERT INTO contact (lead_id, name, role, title, consent, created_at) VALUES ($1, $2, $3, $4, 'unknown', $5)
                    """, .i(lead), .t(person.name), .t(person.role?.rawValue), .t(person.title), .d(audit.at))
                try audit.record(lead: lead, action: .create, entity: "contact", entityId: id, new: person.name)
                names.append(person.name)
            }
        }
        return names
    }
}
