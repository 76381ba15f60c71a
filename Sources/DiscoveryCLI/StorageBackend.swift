import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore

/// The one place a storage backend is chosen: from `--db` (or `DISCOVERY_DB`, or the XDG
/// default). Everything past it speaks only the storage interface.
enum StorageBackend {
    /// Opens the database `location` names: a SQLite file path.
    static func open(_ location: String) throws(DiscoveryError) -> any Storage {
        try SQLiteStore.open(path: location)
    }
}
