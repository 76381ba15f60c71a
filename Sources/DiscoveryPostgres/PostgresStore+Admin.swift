import DiscoveryCore
import DiscoveryStorage
import Foundation

/// `db init`, `db migrate`, `db status`, `db grant`: the team database's administration.
extension PostgresStore {
    enum SchemaState: Equatable {
        case missing
        case version(Int)
    }

    /// What `db status` prints.
    public struct Status: Sendable {
        public var serverVersion: String
        public var tls: Bool
        public var schemaVersion: Int?
        public var sessionUser: String
        public var roles: [String]
        public var leads: Int?
    }

    func schemaState() throws(DiscoveryError) -> SchemaState {
        try read { s in
            guard try s.exists("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'discovery_meta'") else {
                return .missing
            }
            guard let text = try s.one("SELECT value FROM discovery_meta WHERE key = 'schema_version'")?.text("value"),
                  let v = Int(text) else {
                throw DiscoveryError.storage("\(location.host):\(location.port)/\(location.database): the discovery schema has no readable version; restore the database from a backup")
            }
            return .version(v)
        }
    }

    /// Creates the schema and the group roles (`db init`). Refuses a database that already has it.
    /// Returns the version created.
    @discardableResult
    public func initialize(at: Date) throws(DiscoveryError) -> Int {
        if case .version(let v) = try schemaState() {
            throw .failed("\(location.host):\(location.port)/\(location.database) already holds a discovery schema (version \(v)); nothing was changed (to upgrade it: `discovery db migrate`)")
        }
        return try migrate(at: at).to
    }

    /// Brings the schema to this binary's version (`db migrate`; `db init` on an empty database).
    @discardableResult
    public func migrate(at: Date) throws(DiscoveryError) -> (from: Int, to: Int) {
        let from: Int
        switch try schemaState() {
        case .missing: from = 0
        case .version(let v): from = v
        }
        if from > PostgresSchema.version {
            throw .storage("\(location.host):\(location.port)/\(location.database): the schema (version \(from)) is newer than this discovery knows (\(PostgresSchema.version)); upgrade discovery")
        }
        try administer { s in
            // One migration at a time however many teammates run it.
            try s.exec("SELECT pg_advisory_xact_lock(715000001)")
            for v in (from + 1)..<(PostgresSchema.version + 1) {
                guard let sql = PostgresSchema.migrations[v] else { continue }
                for statement in PostgresSchema.statements(sql) { try s.exec(statement) }
                if v == 4 { try Self.splitStoredNames(s) }
            }
            for grant in PostgresSchema.grants() { try s.exec(grant) }
            try s.exec("""
                INSERT INTO discovery_meta (key, value) VALUES ('schema_version', $1)
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """, .t(String(PostgresSchema.version)))
        }
        return (from, PostgresSchema.version)
    }

    /// Adds the login role `role` to `discovery_rep` or `discovery_ops` (`db grant`).
    public func grant(role: String, ops: Bool) throws(DiscoveryError) {
        try administer { s in
            guard try s.exists("SELECT 1 FROM pg_roles WHERE rolname = $1", .t(role)) else {
                throw DiscoveryError.failed("there is no role '\(role)' on \(location.host):\(location.port); create it first (CREATE ROLE \(role) LOGIN PASSWORD '...')")
            }
            // The role name is quoted by the server (quote_ident), never pasted in as given.
            guard let quoted = try s.one("SELECT quote_ident($1) AS q", .t(role))?.text("q") else { return }
            try s.exec("GRANT \(ops ? PostgresSchema.opsRole : PostgresSchema.repRole) TO \(quoted)")
        }
    }

    /// Who the server says we are: the authenticated role, the audit actor in team mode.
    public func sessionUser() throws(DiscoveryError) -> String {
        try statement { s in try s.one("SELECT session_user::text AS u")?.text(required: "u") ?? location.user }
    }

    public func status() throws(DiscoveryError) -> Status {
        let state = try schemaState()
        return try read { s in
            let row = try s.one("""
                SELECT current_setting('server_version') AS v, session_user::text AS u,
                       coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls
                """)
            let roles = try s.rows("""
                SELECT r.rolname::text AS name FROM pg_roles r
                WHERE r.rolname IN ($1, $2) AND pg_has_role(session_user, r.oid, 'MEMBER') ORDER BY 1
                """, .t(PostgresSchema.repRole), .t(PostgresSchema.opsRole)).map { try $0.text(required: "name") }
            var version: Int?
            var leads: Int?
            if case .version(let v) = state {
                version = v
                leads = try s.one("SELECT count(*) AS n FROM lead")?.int("n")
            }
            return Status(serverVersion: try row?.text("v") ?? "?", tls: try row?.bool("tls") ?? false,
                          schemaVersion: version, sessionUser: try row?.text("u") ?? location.user, roles: roles, leads: leads)
        }
    }
}

extension PostgresStore {
    /// The schema version this binary writes and needs.
    public static var schemaVersion: Int { PostgresSchema.version }
}

extension PostgresStore {
    /// Splits every stored contact name once (`PersonName.parts`); a name it cannot split keeps
    /// NULL parts, and `contactsWithUnsplitNames` lists it.
    static func splitStoredNames(_ s: SQLSession) throws {
        for row in try s.rows("SELECT id, name FROM contact") {
            guard let parts = PersonName.parts(of: try row.text(required: "name")) else { continue }
            try s.exec("UPDATE contact SET salutation = $1, first_name = $2, last_name = $3, suffix = $4 WHERE id = $5",
                       .t(parts.salutation), .t(parts.first), .t(parts.last), .t(parts.suffix), .i(try row.int64(required: "id")))
        }
    }
}
