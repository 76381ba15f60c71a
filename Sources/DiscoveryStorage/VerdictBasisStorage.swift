import DiscoveryCore
import Foundation

/// Verdict bases kept between whole-book reads (`VerdictBasis`), so that `report scores` and
/// `replay` evaluate only the leads that changed. Each lead has a revision that the database
/// raises on every change to the lead or to its answers, signals, calls or next steps
/// (triggers, whoever writes); a stored basis counts only for the revision and the scoring
/// model it was computed at, so a basis can be stale but never wrong.
public protocol VerdictBasisStorage: AnyObject, Sendable {
    /// Every lead created since `since` (all when `nil`), in id order, read as one state: the
    /// lead, its revision, and its basis stored under `model` when stored at that revision
    /// (else `nil`). `body` must not call the store.
    func forEachLeadWithVerdictBasis(model: String, createdSince since: Date?,
                                     _ body: (Lead, _ revision: Int64, VerdictBasis?) throws -> Void) throws(DiscoveryError)
    /// Keeps each basis, computed from its lead's record as read at `revision` or later, under
    /// `model`, in place of the lead's earlier one (one transaction, no audit entry: derived
    /// data). Read a lead's revision before its record: a change in between leaves the basis
    /// stale, never wrong. A lead erased meanwhile is skipped.
    func storeVerdictBases(_ bases: [StoredVerdictBasis], model: String) throws(DiscoveryError)
}

/// A basis to keep: the lead, the revision its record was read at, the basis.
public struct StoredVerdictBasis: Sendable, Equatable {
    public var lead: Int64
    public var revision: Int64
    public var basis: VerdictBasis

    public init(lead: Int64, revision: Int64, basis: VerdictBasis) {
        self.lead = lead
        self.revision = revision
        self.basis = basis
    }
}

/// What a lead's revision counts: changes to the lead and to the rows of these tables, its
/// record. Both backends' migrations that made the revision (SQLite v8, PostgreSQL 6) put
/// their triggers on these tables: the list is frozen with them, and a table added to the
/// record later gets its triggers from a migration of its own.
public enum LeadRevision {
    public static let recordTables = ["answer", "signal", "call", "next_step"]
}
