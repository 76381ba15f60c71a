import DiscoveryCore
import DiscoveryPostgres
import DiscoveryShell
import DiscoveryStorage
import DiscoveryStore
import Foundation

/// `discovery db ...`: the database's administration (SPEC 10). They run before the question
/// sets are loaded and never through the shell: `init`, `migrate`, `grant` and `status`.
enum DatabaseCommand {
    static let usage = """
        usage: discovery db init | db migrate | db status | db grant ROLE rep|ops | db copy --from SRC --to DST
        """

    /// `modelFolder`: the question sets `db init` publishes as the team's first model (`--question-sets`, else the bundled ones).
    static func run(_ words: [String], location: String, modelFolder: String?, env: Environment,
                    out: StandardStream) throws(DiscoveryError) -> Int32 {
        guard let sub = words.first else { throw .usage("db needs a subcommand\n\(usage)") }
        let args = Array(words.dropFirst())
        let team = PostgresLocation.isPostgresURL(location)
        func noArguments() throws(DiscoveryError) {
            if let extra = args.first { throw .usage("db \(sub) takes no arguments (got '\(extra)')\n\(usage)") }
        }
        switch sub {
        case "init":
            try noArguments()
            guard team else {
                _ = try SQLiteStore.open(path: location)
                out.write("SQLite database \(location) is ready (a single-user file needs no init)\n")
                return 0
            }
            let pg = try PostgresLocation.parse(location, lookup: env.lookup)
            let version = try PostgresStore.connect(pg).initialize(at: Date())
            out.write("created the discovery schema (version \(version)) on \(pg.display)\n")
            // The bundled (or given) question sets become the team's first model.
            try TeamModel.publishFirst(modelFolder, to: try PostgresStore.open(pg), env: env, out: out)
            out.write("roles: discovery_rep (reps and SDRs), discovery_ops (ops); add people with `discovery db grant ROLE rep|ops`\n")
            return 0
        case "migrate":
            try noArguments()
            guard team else {
                _ = try SQLiteStore.open(path: location)
                out.write("SQLite database \(location) is up to date (a single-user file migrates itself)\n")
                return 0
            }
            let pg = try PostgresLocation.parse(location, lookup: env.lookup)
            let store = try PostgresStore.connect(pg)
            let (from, to) = try store.migrate(at: Date())
            out.write(from == to ? "schema already at version \(to) on \(pg.display)\n"
                                 : "schema migrated from version \(from) to \(to) on \(pg.display)\n")
            return 0
        case "grant":
            guard args.count == 2 else { throw .usage("db grant needs a role and rep or ops: db grant ROLE rep|ops") }
            guard args[1] == "rep" || args[1] == "ops" else {
                throw .usage("db grant \(args[0]) \(args[1]): the group is rep or ops")
            }
            guard team else { throw .usage("db grant needs a team database (--db postgresql://...); a SQLite file has no roles") }
            let pg = try PostgresLocation.parse(location, lookup: env.lookup)
            try PostgresStore.open(pg).grant(role: args[0], ops: args[1] == "ops")
            out.write("\(args[0]) is now in discovery_\(args[1])\n")
            return 0
        case "status":
            try noArguments()
            guard team else {
                _ = try SQLiteStore.open(path: location)
                out.write("backend: SQLite\nfile: \(location)\nschema: current\nuser: \(env.user)\n")
                return 0
            }
            let pg = try PostgresLocation.parse(location, lookup: env.lookup)
            let status = try PostgresStore.connect(pg).status()
            out.write("""
                backend: PostgreSQL \(status.serverVersion)
                server: \(pg.host):\(pg.port)
                database: \(pg.database)
                tls: \(status.tls ? "yes" : "no") (sslmode=\(pg.sslMode.rawValue))
                schema: \(status.schemaVersion.map { "version \($0)" + ($0 < PostgresStore.schemaVersion ? " (run `discovery db migrate`)" : "") } ?? "none (run `discovery db init`)")
                user: \(status.sessionUser)\(status.roles.isEmpty ? "" : " (" + status.roles.joined(separator: ", ") + ")")
                \(status.leads.map { "leads: \($0)\n" } ?? "")
                """)
            return 0
        case "copy":
            try DatabaseCopy.run(args, env: env, out: out)
            return 0
        default:
            throw .usage("unknown db subcommand '\(sub)'\n\(usage)")
        }
    }
}
