import DiscoveryCore
import Foundation
import GRDB

extension Store {
    /// Everything the verdict engine reads about one lead, read in one transaction so the
    /// verdict never mixes two states: the lead, its contacts, the answers in force (the newest
    /// revision of each question, when it has a value), signals, calls and the open next step.
    /// `nil` when there is no such lead. Every query is on an indexed `lead_id`.
    public func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord? {
        try read { db in
            // Cached statements: a report reads the record of every lead.
            guard let leadRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM lead WHERE id = ?"), arguments: [id]) else {
                return nil
            }
            return try Self.record(of: Lead(row: leadRow), db: db)
        }
    }

    /// The record of every lead created since `since` (all when `nil`), in id order, read in
    /// one transaction: a report over many leads sees one state of the database and does not
    /// pay for a transaction per lead. Only the record being handed out is held in memory.
    public func forEachQualificationRecord(createdSince since: Date?,
                                           _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError) {
        try read { db in
            for lead in try leadRows(db, since: since, column: .createdAt) {
                try body(try Self.record(of: lead, db: db))
            }
        }
    }

    static func record(of lead: Lead, db: Database) throws -> QualificationRecord {
        let id = lead.id
        let contacts = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM contact WHERE lead_id = ? ORDER BY id"),
                                        arguments: [id]).map(Contact.init)
        let answers = try answersInForce(lead: id, db: db)
        let lastAnswerAt = try Date.fetchOne(db.cachedStatement(sql: "SELECT max(at) FROM answer WHERE lead_id = ?"), arguments: [id])
        let signals = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM signal WHERE lead_id = ? ORDER BY at, id"),
                                       arguments: [id]).map(RecordRows.signal)
        let calls = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM call WHERE lead_id = ? ORDER BY at, id"),
                                     arguments: [id]).map(CallRows.call)
        return QualificationRecord(lead: lead, contacts: contacts, answers: answers, signals: signals,
                                   calls: calls, nextStep: try openNextStep(db: db, lead: id), lastAnswerAt: lastAnswerAt)
    }
}

/// Row mappings the record needs.
enum RecordRows {
    static func signal(_ row: Row) -> SignalEvent {
        SignalEvent(id: row["id"], leadId: row["lead_id"], kind: row["kind"], note: row["note"],
                    actor: row["actor"], at: row["at"])
    }

    /// A `next_step` row; `nil` when its action is not one this version knows.
    static func nextStep(_ row: Row) -> NextStep? {
        guard let action = NextAction(rawValue: row["action"]) else { return nil }
        return NextStep(id: row["id"], leadId: row["lead_id"], action: action, note: row["note"], owner: row["owner"],
                        due: row["due"], setAt: row["set_at"], actor: row["actor"], doneAt: row["done_at"])
    }
}
