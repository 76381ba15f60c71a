import DiscoveryCore
import DiscoveryPostgres
import DiscoveryStorage
import DiscoveryStore

/// An open database and, in team mode, who the server says we are.
struct OpenedStorage {
    let store: any Storage
    /// The authenticated role (`session_user`) of a team database; nil for a SQLite file.
    let teamUser: String?
    /// The folder of the team's published scoring model; nil for a SQLite file (it reads --question-sets).
    let modelFolder: String?
    /// The version of that model (`team vN`); nil for a SQLite file.
    var modelVersion: ModelVersion? = nil
}

/// The one place a storage backend is chosen: from `--db` (or `DISCOVERY_DB`, or the XDG
/// default). A `postgresql://` or `postgres://` URL is a team database; anything else a SQLite
/// file. NIO (PostgreSQL's driver) starts only for a URL: a SQLite run never touches it.
/// Everything past this speaks only the storage interface.
enum StorageBackend {
    static func open(_ location: String, env: Environment) throws(DiscoveryError) -> OpenedStorage {
        if PostgresLocation.isPostgresURL(location) {
            let store = try PostgresStore.open(try PostgresLocation.parse(location, lookup: env.lookup))
            // Who we are and the model in force were read at open, in the same round trip as the schema check.
            let model = try TeamModel.folder(store, model: store.opening.map(\.model), env: env)
            let user: String
            if let known = store.opening?.user { user = known } else { user = try store.sessionUser() }
            return OpenedStorage(store: store, teamUser: user, modelFolder: model.folder,
                                 modelVersion: .published(model.version))
        }
        return OpenedStorage(store: try SQLiteStore.open(path: location), teamUser: nil, modelFolder: nil)
    }

    /// The audit actor and default owner. In team mode it is the authenticated role: `--user` /
    /// `DISCOVERY_USER` may only repeat it (naming someone else is refused, exit 2).
    static func actor(_ opened: OpenedStorage, requested: String?, fallback: String) throws(DiscoveryError) -> String {
        guard let team = opened.teamUser else { return requested ?? fallback }
        if let requested, requested != team {
            throw .usage("--user \(requested): on a team database you are who the server says you are (\(team)); drop --user / DISCOVERY_USER or connect as \(requested)")
        }
        return team
    }
}
