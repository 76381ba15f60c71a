import DiscoveryPostgres
import DiscoveryStorage
import DiscoveryStore
import Foundation
import PostgresTestSupport
import Testing

/// A storage backend the contract runs against: how to make a fresh, empty database of it.
/// Every contract test takes `Backend.all` as its arguments, so a new backend joins by being
/// listed here.
struct Backend: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () throws -> Fixture

    var testDescription: String { name }

    /// PostgreSQL joins when the test cluster is there (`scripts/test` starts one and sets
    /// `DISCOVERY_TEST_PG_URL`). In CI it must: without it the PostgreSQL cases fail, not skip.
    static let all: [Backend] = {
        if TestCluster.url != nil || TestCluster.required { return [.sqlite, .postgres] }
        TestCluster.warnSkipped()
        return [.sqlite]
    }()

    static let sqlite = Backend(name: "SQLite") {
        let folder = NSTemporaryDirectory() + "discovery-contract-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/discovery.sqlite"
        return Fixture(store: try SQLiteStore.open(path: path),
                       connect: { try SQLiteStore.open(path: path) },
                       cleanup: { try? FileManager.default.removeItem(atPath: folder) })
    }

    /// A fresh database on the test cluster per test, with the schema `db init` creates.
    static let postgres = Backend(name: "PostgreSQL") {
        let database = try TestCluster.createDatabase()
        let location = try TestCluster.location(database: database)
        try PostgresStore.connect(location).initialize(at: ContractTime.t0)
        return Fixture(store: try PostgresStore.open(location),
                       connect: { try PostgresStore.open(location) },
                       cleanup: { TestCluster.dropDatabase(database) })
    }
}

/// One fresh database of a backend, removed when the fixture goes.
final class Fixture {
    let store: any Storage
    private let connect: () throws -> any Storage
    private let cleanup: () -> Void

    init(store: any Storage, connect: @escaping () throws -> any Storage, cleanup: @escaping () -> Void) {
        self.store = store
        self.connect = connect
        self.cleanup = cleanup
    }

    /// A second, independent connection to the same database (another teammate's process).
    func anotherConnection() throws -> any Storage { try connect() }

    deinit { cleanup() }
}

/// Dates the contract uses: 2026-03-02 09:00 UTC (a Monday) and seconds after it.
enum ContractTime {
    static let t0 = Date(timeIntervalSince1970: 1_772_442_000)
}
