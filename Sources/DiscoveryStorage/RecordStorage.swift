import DiscoveryCore
import Foundation

/// What the verdict engine reads: one lead's whole qualification record, or every lead's.
public protocol RecordStorage: AnyObject, Sendable {
    /// The lead, its contacts, the answers in force, signals, calls and the open next step,
    /// read as one state (never a mix of two). `nil` when there is no such lead.
    func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord?
    /// The record of every lead created since `since` (all when `nil`), in id order, read as
    /// one state. Only the record being handed out needs to be held in memory. An error thrown
    /// by `body` ends the read and is rethrown as it is when it is a `DiscoveryError`. `body`
    /// runs on the caller's thread and must not call the store (the read may still be open).
    /// `contacts: false` leaves every record's contacts out (empty): for a caller that only
    /// judges verdicts or routes leads, which never read contacts (a fifth of the read saved).
    func forEachQualificationRecord(createdSince since: Date?, contacts: Bool,
                                    _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError)
}

extension RecordStorage {
    /// Every record with its contacts.
    public func forEachQualificationRecord(createdSince since: Date?,
                                           _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError) {
        try forEachQualificationRecord(createdSince: since, contacts: true, body)
    }
}
