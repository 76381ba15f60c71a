import DiscoveryCore
import Foundation

/// What `undo` reverted.
public struct UndoResult: Sendable, Equatable {
    public var changeId: Int64
    public var leadId: Int64?
    /// One line per reverted entry, e.g. `lead #3 region: West → (empty)`.
    public var summary: [String]

    public init(changeId: Int64, leadId: Int64?, summary: [String]) {
        self.changeId = changeId
        self.leadId = leadId
        self.summary = summary
    }
}

/// The append-only audit log, and `undo`.
public protocol AuditStorage: AnyObject, Sendable {
    /// The audit log, oldest first; for one lead when `lead` is given; the newest `limit` entries when given.
    func audit(lead: Int64?, limit: Int?) throws(DiscoveryError) -> [AuditEntry]
    /// Calls `body` with each entry of `audit(lead:limit: nil)`, in the same order (oldest
    /// first), holding only the entry handed out: `audit --all` over a whole book. An error
    /// thrown by `body` (a full disk) ends the read and is rethrown as it is when it is a
    /// `DiscoveryError`.
    func forEachAuditEntry(lead: Int64?, _ body: (AuditEntry) throws -> Void) throws(DiscoveryError)
    /// Reverts `actor`'s newest change that has not been undone yet, as one new audited change,
    /// following `UndoPlan`; refuses (naming the teammate) when someone else changed the same
    /// thing after it (`UndoPlan.newerTeammateEntry`).
    func undo(actor: String, at: Date) throws(DiscoveryError) -> UndoResult
}

extension AuditStorage {
    /// The whole audit log, oldest first.
    public func audit() throws(DiscoveryError) -> [AuditEntry] { try audit(lead: nil, limit: nil) }

    /// One lead's audit entries, oldest first.
    public func audit(lead: Int64) throws(DiscoveryError) -> [AuditEntry] { try audit(lead: lead, limit: nil) }
}
