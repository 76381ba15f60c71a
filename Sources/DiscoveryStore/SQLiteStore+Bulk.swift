import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Records written in one go, without audit entries: test fixtures and the benchmark data
/// generator (`discovery-datagen`), never user commands. Ids given (non-zero) are kept, so a
/// generator can link contacts, answers and calls to the leads it made.
public struct BulkBatch: Sendable {
    public var leads: [Lead] = []
    public var contacts: [Contact] = []
    public var calls: [Call] = []
    public var answers: [Answer] = []
    public var signals: [SignalEvent] = []
    public var nextSteps: [NextStep] = []

    public init() {}

    public var count: Int { leads.count + contacts.count + calls.count + answers.count + signals.count + nextSteps.count }
}

extension SQLiteStore {
    /// Inserts a batch in one transaction with cached prepared statements. Not audited: use
    /// it only to build fixtures and benchmark data, never for a user's change.
    public func bulkInsert(_ batch: BulkBatch) throws(DiscoveryError) {
        do {
            try queue.write { db in
                let lead = try db.cachedStatement(sql: """
                    INSERT INTO lead (id, org, type, specialty, region, beds, source, profile, consent, owner, stage,
                                      stage_reason, stage_note, created_at, updated_at, stage_changed_at, mql_at, website)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for l in batch.leads {
                    try lead.execute(arguments: [l.id == 0 ? nil : l.id, l.org, l.type, l.specialty, l.region, l.beds,
                                                 l.source, l.profile, l.consent.rawValue, l.owner, l.stage.rawValue,
                                                 l.stageReason?.rawValue, l.stageNote, l.createdAt, l.updatedAt,
                                                 l.stageChangedAt, l.mqlAt, l.website])
                }
                let contact = try db.cachedStatement(sql: """
                    INSERT INTO contact (id, lead_id, name, title, role, email, phone, consent, created_at, \(Self.contactExtraColumns))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for c in batch.contacts {
                    try contact.execute(arguments: StatementArguments([c.id == 0 ? nil : c.id, c.leadId, c.name, c.title,
                                                    c.role?.rawValue, c.email, c.phone, c.consent.rawValue, c.createdAt]
                                                   + Self.contactExtraValues(c)))
                }
                let call = try db.cachedStatement(sql: """
                    INSERT INTO call (id, lead_id, outcome, note, duration_min, at, ended_at, actor, follow_up_due)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for c in batch.calls {
                    try call.execute(arguments: [c.id == 0 ? nil : c.id, c.leadId, c.outcome?.rawValue, c.note,
                                                 c.durationMinutes, c.at, c.endedAt, c.actor, c.followUpDue])
                }
                let answer = try db.cachedStatement(sql: """
                    INSERT INTO answer (id, lead_id, question, value, note, call_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for a in batch.answers {
                    try answer.execute(arguments: [a.id == 0 ? nil : a.id, a.leadId, a.question, AnswerCoding.encode(a.value),
                                                   a.note, a.callId, a.actor, a.at])
                }
                let signal = try db.cachedStatement(sql: """
                    INSERT INTO signal (id, lead_id, kind, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for s in batch.signals {
                    try signal.execute(arguments: [s.id == 0 ? nil : s.id, s.leadId, s.kind, s.note, s.actor, s.at])
                }
                let step = try db.cachedStatement(sql: """
                    INSERT INTO next_step (id, lead_id, action, note, owner, due, set_at, actor, done_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for n in batch.nextSteps {
                    try step.execute(arguments: [n.id == 0 ? nil : n.id, n.leadId, n.action.rawValue, n.note, n.owner,
                                                 n.due, n.setAt, n.actor, n.doneAt])
                }
            }
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Rows per table, for the generator's summary and the benchmark's checks.
    public func tableCounts() throws(DiscoveryError) -> [(table: String, rows: Int)] {
        try read { db in
            try ["lead", "contact", "call", "answer", "signal", "next_step"].map { table in
                (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
            }
        }
    }
}
