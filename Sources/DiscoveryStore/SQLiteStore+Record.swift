import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: RecordStorage {
    /// Read in one transaction as the book is read (`forEachRecord`), every query on an
    /// indexed `lead_id`.
    public func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord? {
        try rawRead { db in
            var record: QualificationRecord?
            try Self.forEachRecord(.lead(id), contacts: true, db) { record = $0 }
            return record
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
}
