import DiscoveryCore

/// The errors every backend gives for a stored value this version cannot read: they name the
/// table, the row and the value (a code from a fixed list, never personal data).
public enum StoredValueErrors {
    /// A value of a fixed list (a stage, a consent, an action) this version does not know.
    public static func unknown(table: String, row: Int64?, column: String, value: String) -> DiscoveryError {
        // The value is a code from a fixed list, not personal data; it is quoted so the user can find it.
        .storage("the database holds an unknown \(column) '\(value)' (table \(table), row \(row.map(String.init) ?? "?")); nothing was changed. Upgrade discovery, or correct that row")
    }

    /// An answer value (JSON, `AnswerCoding`) this version cannot decode.
    public static func unreadableAnswer(table: String, row: Int64?) -> DiscoveryError {
        .storage("the database holds an answer value this version cannot read (table \(table), row \(row.map(String.init) ?? "?")); nothing was changed. Upgrade discovery, or restore the database from a backup")
    }
}
