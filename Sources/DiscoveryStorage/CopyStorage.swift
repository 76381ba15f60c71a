import DiscoveryCore
import Foundation

/// One stored value as `db copy` moves it between backends.
public enum StoredCell: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case date(Date)
}

/// The tables `db copy` moves and their columns, written once for every backend: in the order
/// they are copied (a row's references come before it), ids kept.
public enum CopySchema {
    public enum Kind: Sendable { case integer, text, date }

    public struct Table: Sendable {
        public let name: String
        public let columns: [(name: String, kind: Kind)]
    }

    public static let tables: [Table] = [
        Table(name: "lead", columns: [
            ("id", .integer), ("org", .text), ("type", .text), ("specialty", .text), ("region", .text), ("beds", .integer),
            ("source", .text), ("profile", .text), ("consent", .text), ("owner", .text), ("stage", .text),
            ("stage_reason", .text), ("stage_note", .text), ("created_at", .date), ("updated_at", .date),
            ("stage_changed_at", .date), ("mql_at", .date), ("route_rule", .text), ("requalify_trigger", .text),
            ("requalify_at", .date), ("website", .text),
        ]),
        Table(name: "contact", columns: [
            ("id", .integer), ("lead_id", .integer), ("name", .text), ("title", .text), ("role", .text), ("email", .text),
            ("phone", .text), ("consent", .text), ("created_at", .date), ("salutation", .text), ("first_name", .text),
            ("last_name", .text), ("suffix", .text), ("do_not_call", .integer), ("email_opt_out", .integer), ("source", .text),
            ("hubspot_id", .text), ("salesforce_id", .text),
        ]),
        Table(name: "call", columns: [
            ("id", .integer), ("lead_id", .integer), ("outcome", .text), ("note", .text), ("duration_min", .integer),
            ("at", .date), ("ended_at", .date), ("actor", .text), ("follow_up_due", .date), ("contact_id", .integer),
            ("consent_override", .text),
        ]),
        Table(name: "answer", columns: [
            ("id", .integer), ("lead_id", .integer), ("question", .text), ("value", .text), ("note", .text),
            ("call_id", .integer), ("actor", .text), ("at", .date),
        ]),
        Table(name: "signal", columns: [
            ("id", .integer), ("lead_id", .integer), ("kind", .text), ("note", .text), ("actor", .text), ("at", .date),
            ("contact", .text),
        ]),
        Table(name: "rejection", columns: [
            ("id", .integer), ("lead_id", .integer), ("reason", .text), ("note", .text), ("actor", .text), ("at", .date),
        ]),
        Table(name: "next_step", columns: [
            ("id", .integer), ("lead_id", .integer), ("action", .text), ("note", .text), ("owner", .text), ("due", .date),
            ("set_at", .date), ("actor", .text), ("done_at", .date),
        ]),
        Table(name: "changeset", columns: [("id", .integer), ("actor", .text), ("at", .date)]),
        Table(name: "audit", columns: [
            ("id", .integer), ("change_id", .integer), ("at", .date), ("actor", .text), ("lead_id", .integer),
            ("action", .text), ("entity", .text), ("entity_id", .integer), ("field", .text), ("old_value", .text),
            ("new_value", .text),
        ]),
        Table(name: "audit_erasure", columns: [("lead_id", .integer), ("at", .date), ("actor", .text)]),
    ]
}

extension CopySchema {
    /// The id a copied table hands out next: past its rows and past every id the audit log
    /// names for it (a deleted lead's, an undone contact's), so none is used twice. SQL both
    /// backends run.
    public static func nextIdSQL(_ table: String) -> String {
        let fromLog = table == "lead" ? "SELECT max(lead_id) FROM audit UNION ALL SELECT max(lead_id) FROM audit_erasure UNION ALL " : ""
        let logged = table == "changeset" ? "SELECT max(change_id) FROM audit" : "SELECT max(entity_id) FROM audit WHERE entity = '\(table)'"
        return "(SELECT coalesce(max(m), 0) + 1 FROM (SELECT max(id) AS m FROM \(table) UNION ALL \(fromLog)\(logged)) AS ids)"
    }
}

/// Whole tables in and out, for `db copy` (SQLite ↔ PostgreSQL). Not for user changes: rows
/// are written as they are, audit log included, without new audit entries.
public protocol CopyStorage: AnyObject {
    /// Calls `body` with the rows of `table`, in id order, in blocks of at most `block` rows,
    /// all read as one state.
    func readRows(of tables: [CopySchema.Table], block: Int,
                  _ body: (CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError)
    /// Writes every row `next` gives, table by table, in one transaction, then moves each id
    /// sequence past the highest id. Refuses a database that already holds leads.
    func writeRows(_ next: (_ write: (CopySchema.Table, [[StoredCell]]) throws(DiscoveryError) -> Void) throws(DiscoveryError) -> Void) throws(DiscoveryError)
}
