import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: RecordStorage {
    /// Read in one transaction; every query is on an indexed `lead_id`.
    public func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord? {
        try read { db in
            // Cached statements: a report reads the record of every lead.
            guard let leadRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM lead WHERE id = ?"), arguments: [id]) else {
                return nil
            }
            return try Self.record(of: try Rows.lead(leadRow), db: db)
        }
    }

    /// Read in one transaction, a cursor per table (`forEachRecordOfTheBook`).
    public func forEachQualificationRecord(createdSince since: Date?, contacts: Bool,
                                           _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError) {
        do {
            try RecordPipeline.run(produce: { emit in try forEachRecordOfTheBook(createdSince: since, contacts: contacts, emit) },
                                   consume: body)
        } catch let e as DiscoveryError {
            throw e
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    static func record(of lead: Lead, db: Database) throws -> QualificationRecord {
        let id = lead.id
        let contacts = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM contact WHERE lead_id = ? ORDER BY id"),
                                        arguments: [id]).map { try Rows.contact($0) }
        let answers = try answersInForce(lead: id, db: db)
        // Read as a value and parsed by StoredDate: GRDB's own Date conversion builds a Foundation
        // calendar, a cost at the start of every `status`.
        let lastAnswerAt = try DatabaseValue.fetchOne(db.cachedStatement(sql: "SELECT max(at) FROM answer WHERE lead_id = ?"),
                                                      arguments: [id]).flatMap(StoredDate.decode)
        let signals = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM signal WHERE lead_id = ? ORDER BY at, id"),
                                       arguments: [id]).map(Rows.signal)
        let calls = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM call WHERE lead_id = ? ORDER BY at, id"),
                                     arguments: [id]).map(Rows.call)
        return QualificationRecord(lead: lead, contacts: contacts, answers: answers, signals: signals,
                                   calls: calls, nextStep: try openNextStep(db: db, lead: id), lastAnswerAt: lastAnswerAt)
    }
}
