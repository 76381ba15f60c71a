import DiscoveryCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// What every command needs to know before it starts, read in one round trip at open:
    /// the schema version, who the server says we are, and the scoring model in force.
    public struct Opening: Sendable {
        public let schemaVersion: Int
        /// `session_user`: the audit actor and default owner.
        public let user: String
        /// The model version in force; nil when none was ever published.
        public let model: PublishedModel?
    }

    /// The opening state in one statement; nil when the database has no (or an older) discovery
    /// schema without the tables it reads (then `schemaState` says which, in its own words).
    func openingState() throws(DiscoveryError) -> Opening? {
        try statement { s in
            let row: SQLRow?
            do {
                row = try s.one("""
                    SELECT (SELECT value FROM discovery_meta WHERE key = 'schema_version') AS schema_version,
                           session_user::text AS session_role, m.*
                    FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT * FROM model_version ORDER BY id DESC LIMIT 1) AS m ON true
                    """)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P01" {
                return nil
            }
            guard let row, let text = try row.text("schema_version"), let version = Int(text) else { return nil }
            let model = try row.int64("id").map { id in
                PublishedModel(version: id, publishedBy: try row.text(required: "published_by"),
                               publishedAt: try row.date(required: "published_at"), summary: try row.text(required: "summary"),
                               files: [:])
            }
            return Opening(schemaVersion: version, user: try row.text(required: "session_role"), model: model)
        }
    }
}
