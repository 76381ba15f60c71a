import DiscoveryCore
import Foundation

/// What an import did (or, with `--dry-run`, would do).
public struct ImportTally: Sendable, Equatable {
    public var leadsCreated = 0
    public var contactsCreated = 0
    /// Rows that changed fields of an existing lead / contact.
    public var leadsUpdated = 0
    public var contactsUpdated = 0
    /// Rows that matched existing records and changed nothing.
    public var unchanged = 0
    /// Bad rows, reported and left out.
    public var skipped = 0
    /// Rows about another person than the contact their email matched (`ImportMatching.conflict`):
    /// reported with their line and left for the user, not merged.
    public var conflicts = 0
    /// Good rows handed to the store.
    public var recordsApplied = 0

    public init() {}

    public var rows: Int { recordsApplied + skipped }
}

/// One row handed to the import: a checked record, or a bad row to report and skip.
public enum ImportItem: Sendable {
    case record(ImportRecord)
    case bad(ImportRowError)
}

/// How an import is run.
public struct ImportOptions: Sendable {
    public var dryRun: Bool
    /// Rows per transaction (and per audited change).
    public var batchSize: Int
    public var actor: String
    public var at: Date
    /// The profile of a created lead whose row names none.
    public var defaultProfile: String
    /// The owner of a created lead whose row names none: the importing user, or nobody when
    /// routing has rules (the lead is routed when it becomes an MQL).
    public var defaultOwner: String?

    /// Rows per transaction: 5,000 writes each index page about once per batch instead of once
    /// per 1,000 rows (100,000 rows: 4.7 s → 4.2 s); `undo` reverts one batch.
    public static let defaultBatchSize = 5_000

    /// `defaultOwner`: the actor when not given.
    public init(dryRun: Bool, batchSize: Int = ImportOptions.defaultBatchSize, actor: String, at: Date, defaultProfile: String,
                defaultOwner: String?? = .none) {
        self.dryRun = dryRun
        self.batchSize = max(1, batchSize)
        self.actor = actor
        self.at = at
        self.defaultProfile = defaultProfile
        self.defaultOwner = defaultOwner ?? actor
    }
}

/// Leads and contacts from a CSV file, deduplicated as `ImportMatching` and `ImportMerge` in
/// the core decide.
public protocol ImportStorage: AnyObject, Sendable {
    /// Imports the rows `next` gives, one transaction (one audited change) per batch. With
    /// `dryRun` nothing is written and the counts are exact. A storage failure keeps the
    /// batches already committed and says from which line to resume.
    func importRows(_ options: ImportOptions, next: () throws(DiscoveryError) -> ImportItem?,
                    onBad: (ImportRowError) -> Void, progress: (ImportTally) -> Void) throws(DiscoveryError) -> ImportTally
}
