import DiscoveryCore
import Foundation
import QuestionSets

/// Paths and settings that come from the environment (XDG base directories, `NO_COLOR`, ...).
struct Environment {
    /// Looks a variable up (`getenv`: building the whole environment as a dictionary costs
    /// more at start-up than the few lookups a run makes).
    let lookup: (String) -> String?

    init(lookup: @escaping (String) -> String? = { name in getenv(name).map { String(cString: $0) } }) {
        self.lookup = lookup
    }

    /// The variable's value; unset and empty are the same.
    subscript(name: String) -> String? {
        guard let v = lookup(name), !v.isEmpty else { return nil }
        return v
    }

    var home: String { self["HOME"] ?? NSHomeDirectory() }

    /// `$XDG_DATA_HOME/discovery/discovery.sqlite`.
    var defaultDatabase: String {
        let base = self["XDG_DATA_HOME"] ?? home + "/.local/share"
        return base + "/discovery/discovery.sqlite"
    }

    /// `$XDG_STATE_HOME/discovery/history`.
    var historyFile: String {
        let base = self["XDG_STATE_HOME"] ?? home + "/.local/state"
        return base + "/discovery/history"
    }

    /// `$XDG_CACHE_HOME/discovery`: the checked copy of the question sets (`CatalogCache`).
    /// `DISCOVERY_NO_CACHE=1` reads the YAML every time.
    var catalogCache: CatalogCache? {
        if self["DISCOVERY_NO_CACHE"] == "1" { return nil }
        return CatalogCache(folder: (self["XDG_CACHE_HOME"] ?? home + "/.cache") + "/discovery")
    }

    var user: String { self["DISCOVERY_USER"] ?? self["USER"] ?? self["LOGNAME"] ?? "unknown" }

    /// A fixed clock for tests and demos: `DISCOVERY_NOW=2026-03-02T09:00:00Z`.
    var fixedNow: Date? { self["DISCOVERY_NOW"].flatMap { try? Date.ISO8601FormatStyle().parse($0) } }

    /// The system's temporary folder, where `due` makes its scratch file for a long list.
    var temporaryFolder: String { self["TMPDIR"] ?? "/tmp" }

    /// `DISCOVERY_DUE_RUN_ITEMS=N`, for tests: `due` sorts N items in memory at most before it
    /// spills them to its scratch file (`DueListMergeSort`), so a small book takes that path.
    var dueRunItems: Int? {
        get throws(DiscoveryError) {
            guard let text = self["DISCOVERY_DUE_RUN_ITEMS"] else { return nil }
            guard let n = Int(text), n >= 1 else {
                throw .usage("DISCOVERY_DUE_RUN_ITEMS must be a whole number of at least 1, not '\(text)'")
            }
            return n
        }
    }
}
