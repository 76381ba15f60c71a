import DiscoveryCore
import DiscoveryPostgres
import DiscoveryShell
import DiscoveryStorage
import DiscoveryStore
import Foundation

/// `db copy --from SRC --to DST`: a whole database from one backend to another (a person's
/// SQLite file into the team's PostgreSQL database, or back for a backup). Ids, answer
/// revisions, calls and the audit log are kept; the target's schema is created where missing;
/// a target that already holds leads is refused.
enum DatabaseCopy {
    static let usage = "usage: discovery db copy --from SRC --to DST (each a SQLite file or a postgresql:// URL)"

    static func run(_ args: [String], env: Environment, out: StandardStream) throws(DiscoveryError) {
        var from: String?
        var to: String?
        var i = 0
        while i < args.count {
            let word = args[i]
            guard word == "--from" || word == "--to" else { throw .usage("db copy: unexpected '\(word)'\n\(usage)") }
            guard i + 1 < args.count, !args[i + 1].isEmpty else { throw .usage("db copy: \(word) needs a database\n\(usage)") }
            if word == "--from" { from = args[i + 1] } else { to = args[i + 1] }
            i += 2
        }
        guard let from, let to else { throw .usage("db copy needs both --from and --to\n\(usage)") }
        guard from != to else { throw .usage("db copy: --from and --to name the same database") }
        let source = try open(from, env: env, creating: false)
        let (target, newTeamSchema) = try openTarget(to, env: env)
        var counts: [String: Int] = [:]
        try target.writeRows { write throws(DiscoveryError) in
            try source.readRows(of: CopySchema.tables, block: 2_000) { table, rows throws(DiscoveryError) in
                try write(table, rows)
                counts[table.name, default: 0] += rows.count
            }
        }
        let shown = CopySchema.tables.map { "\(counts[$0.name] ?? 0) \($0.name)" }.joined(separator: ", ")
        out.write("copied \(shown)\n")
        // A team schema made just now gets the bundled model (after the copy: its version row takes no change id).
        if let newTeamSchema { try TeamModel.publishFirst(nil, to: newTeamSchema, env: env, out: out) }
    }

    /// The target, its schema created where missing; the PostgreSQL store when the schema was made now.
    private static func openTarget(_ location: String, env: Environment) throws(DiscoveryError) -> (any CopyStorage, PostgresStore?) {
        guard PostgresLocation.isPostgresURL(location) else { return (try open(location, env: env, creating: true), nil) }
        let pg = try PostgresLocation.parse(location, lookup: env.lookup)
        let (from, _) = try PostgresStore.connect(pg).migrate(at: Date())
        let store = try PostgresStore.open(pg)
        return (store, from == 0 ? store : nil)
    }

    private static func open(_ location: String, env: Environment, creating: Bool) throws(DiscoveryError) -> any CopyStorage {
        if PostgresLocation.isPostgresURL(location) {
            let pg = try PostgresLocation.parse(location, lookup: env.lookup)
            if creating {
                // The schema is created where it is missing (`db init` without the bundled model).
                try PostgresStore.connect(pg).migrate(at: Date())
            }
            return try PostgresStore.open(pg)
        }
        if !creating && !FileManager.default.fileExists(atPath: location) {
            throw .failed("db copy --from \(location): there is no such database file")
        }
        return try SQLiteStore.open(path: location)
    }
}
