import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor

/// The state a shell carries between commands: the database, the configured question sets,
/// who is typing, the current lead, and where text goes.
public final class Session {
    public let store: any Storage
    /// Recorded as actor in the audit log and as the default owner.
    public let user: String
    public var currentLead: Int64?
    public let out: TextOutput
    public let err: TextOutput
    public let style: Style
    /// Where interviews and confirmations read from: the same reader the shell reads commands from.
    public var reader: LineReader
    /// The clock; fixed in tests through `DISCOVERY_NOW`.
    public let now: () -> Date
    /// Terminal width for tables and bar charts.
    public let width: Int
    /// While an interview asks a question: the words Tab completes (choice ids, `/back`, ...)
    /// instead of command names. `nil` at the command prompt.
    public var interviewCompletions: [String]?
    /// The question-set folder the catalog was loaded from (what `lint` checks by default).
    public var questionSetsDirectory: String?
    /// The scoring model verdicts are computed with (`status --json`, the handoff): set by the
    /// front end (the team's published version, or the local folder's digest), read on first use.
    public var modelVersionSource: () -> ModelVersion = { .local(digest: nil) }
    /// The model version, asked of `modelVersionSource` once.
    public var modelVersion: ModelVersion {
        if let cachedModelVersion { return cachedModelVersion }
        let version = modelVersionSource()
        cachedModelVersion = version
        return version
    }
    private var cachedModelVersion: ModelVersion?
    /// Leads whose kept verdict basis is stale, at most, that are read one by one; more, and
    /// the whole book is read in a handful of queries instead (`forEachVerdictBasis`).
    var leadByLeadReads = 2_000
    /// Where `due` makes its scratch file when its list is too long to sort in memory: the
    /// system's temporary folder (`TMPDIR`, else `/tmp`).
    public var scratchFolder = "/tmp"
    /// How many items `due` sorts in memory before it spills them to its scratch file
    /// (`DueListMergeSort`); tests set fewer (`DISCOVERY_DUE_RUN_ITEMS`).
    public var dueRunItems = DueListMergeSort.defaultRunItems

    /// Where the catalog comes from: given, or read on first use.
    private var catalogSource: CatalogSource

    private enum CatalogSource {
        case loaded(Catalog)
        case load(() throws(DiscoveryError) -> Catalog)
    }

    public convenience init(store: any Storage, catalog: Catalog, user: String, reader: LineReader, out: TextOutput, err: TextOutput,
                            style: Style = Style(enabled: false), width: Int = 80, now: @escaping () -> Date = Date.init) {
        self.init(store: store, loadingCatalog: { catalog }, user: user, reader: reader, out: out, err: err,
                  style: style, width: width, now: now)
    }

    /// `loadingCatalog` runs the first time a command needs the question sets, so a command that
    /// needs none (`lead list`, `call`, `due`, `export`) neither waits for them nor fails on them.
    /// A failed load is tried again next time (the files may have been fixed meanwhile).
    public init(store: any Storage, loadingCatalog: @escaping () throws(DiscoveryError) -> Catalog, user: String,
                reader: LineReader, out: TextOutput, err: TextOutput,
                style: Style = Style(enabled: false), width: Int = 80, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.catalogSource = .load(loadingCatalog)
        self.user = user
        self.reader = reader
        self.out = out
        self.err = err
        self.style = style
        self.width = width
        self.now = now
    }

    /// The question sets, profiles and signals; loaded on first use.
    public var catalog: Catalog {
        get throws(DiscoveryError) {
            switch catalogSource {
            case .loaded(let catalog):
                return catalog
            case .load(let load):
                let catalog = try load()
                catalogSource = .loaded(catalog)
                return catalog
            }
        }
    }

    /// True when a person is typing at a terminal.
    public var isInteractive: Bool { reader.isInteractive }

    /// Writes one line of output.
    public func print(_ line: String = "") {
        out.write(line + "\n")
    }

    /// Writes a warning that does not fail the command.
    public func warn(_ line: String) {
        err.write("warning: \(line)\n")
    }
}
