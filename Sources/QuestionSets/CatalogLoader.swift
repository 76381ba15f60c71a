import DiscoveryCore
import Foundation

/// Loads question sets, profiles and signals from a folder (`question-sets/`).
public enum CatalogLoader {
    /// Reads and validates every file; throws a `dataFile` error with `file:line: message`.
    public static func load(directory: String) throws(DiscoveryError) -> Catalog {
        // PLACEHOLDER until the question-set loader lands (issue 3).
        throw .dataFile("\(directory): question-set loading is not implemented yet")
    }
}
