import DiscoveryPostgres
import Foundation
import PostgresTestSupport
import Testing

/// The binary on a team database: `db init`, `db status`, `db grant`, `db migrate`, who you are.
@Suite(.enabled(if: clusterAvailable)) struct TeamCommandTests {
    @Test func initCreatesTheSchemaOnceAndStatusNamesServerSchemaAndUser() throws {
        let db = try TeamDatabase(initialised: false)
        let before = try TeamBinary.run(["lead", "list"], db: db.adminURL)
        #expect(before.status == 4)
        #expect(before.stderr.contains("not a discovery database") && before.stderr.contains("db init"))
        let initialised = try TeamBinary.run(["db", "init"], db: db.adminURL)
        #expect(initialised.status == 0)
        #expect(initialised.stdout.contains("created the discovery schema (version \(PostgresStore.schemaVersion))"))
        #expect(initialised.stdout.contains("as model version 1 (ok: "))
        let again = try TeamBinary.run(["db", "init"], db: db.adminURL)
        #expect(again.status == 1 && again.stderr.contains("already holds a discovery schema"))
        let status = try TeamBinary.run(["db", "status"], db: db.adminURL)
        #expect(status.status == 0)
        let port = db.adminURL.split(separator: ":").last?.split(separator: "/").first.map(String.init) ?? "?"
        #expect(status.stdout.contains("backend: PostgreSQL 15"))
        #expect(status.stdout.contains("server: 127.0.0.1:\(port)"))
        #expect(status.stdout.contains("database: \(db.name)"))
        #expect(status.stdout.contains("tls: yes (sslmode=prefer)"))
        #expect(status.stdout.contains("schema: version \(PostgresStore.schemaVersion)"))
        #expect(status.stdout.contains("user: postgres"))
        let password = db.adminURL.split(separator: ":")[2].split(separator: "@")[0]
        for result in [before, initialised, again, status] { #expect(!result.output.contains(password)) }
        let migrated = try TeamBinary.run(["db", "migrate"], db: db.adminURL)
        #expect(migrated.status == 0 && migrated.stdout.contains("already at version \(PostgresStore.schemaVersion)"))
    }

    @Test func theActorIsTheSessionUserAndAnotherUserIsRefused() throws {
        let db = try TeamDatabase()
        let ana = try db.role("ana", group: "rep")
        let created = try TeamBinary.run(["lead", "new", "Mercy Hospital", "--profile", "consumables"], db: ana.url)
        #expect(created.status == 0)
        let audit = try TeamBinary.run(["audit"], db: ana.url)
        #expect(audit.stdout.contains(ana.name))
        #expect(!audit.stdout.contains("tester"))
        let list = try TeamBinary.run(["lead", "list"], db: ana.url)
        #expect(list.stdout.contains("\(ana.name)") && list.stdout.contains("Mercy Hospital"))
        let other = try TeamBinary.run(["--user", "bob", "lead", "list"], db: ana.url)
        #expect(other.status == 2 && other.stderr.contains("--user bob") && other.stderr.contains(ana.name))
        let viaEnv = try TeamBinary.run(["lead", "list"], db: ana.url, environment: ["DISCOVERY_USER": "bob"])
        #expect(viaEnv.status == 2)
        let same = try TeamBinary.run(["--user", ana.name, "lead", "list"], db: ana.url)
        #expect(same.status == 0)
    }

    @Test func grantNeedsAnExistingRoleAndAKnownGroup() throws {
        let db = try TeamDatabase()
        let missing = try TeamBinary.run(["db", "grant", "nobody_here", "rep"], db: db.adminURL)
        #expect(missing.status == 1 && missing.stderr.contains("no role 'nobody_here'"))
        let badGroup = try TeamBinary.run(["db", "grant", "postgres", "admin"], db: db.adminURL)
        #expect(badGroup.status == 2 && badGroup.stderr.contains("rep or ops"))
        let sqlite = try TeamBinary.run(["db", "grant", "ana", "rep"], db: NSTemporaryDirectory() + UUID().uuidString + ".sqlite")
        #expect(sqlite.status == 2 && sqlite.stderr.contains("team database"))
    }

    @Test func aWrongPasswordOrAnUnreachableServerIsExit4NamingTheServerNeverThePassword() throws {
        let db = try TeamDatabase()
        let wrong = db.urlFor(role: "postgres", password: "not-the-password")
        let refused = try TeamBinary.run(["lead", "list"], db: wrong)
        #expect(refused.status == 4 && refused.stderr.contains("refused the login for postgres"))
        #expect(!refused.output.contains("not-the-password"))
        let started = Date()
        let down = try TeamBinary.run(["lead", "list"], db: "postgresql://ana:secret-pw@127.0.0.1:1/team")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(down.status == 4 && down.stderr.contains("127.0.0.1:1") && !down.output.contains("secret-pw"))
        let badMode = try TeamBinary.run(["lead", "list"], db: "postgresql://ana:secret-pw@127.0.0.1:1/team?sslmode=maybe")
        #expect(badMode.status == 2 && badMode.stderr.contains("sslmode 'maybe'") && !badMode.output.contains("secret-pw"))
    }

    @Test func aSchemaNewerOrOlderThanTheBinaryIsRefusedWithoutChange() throws {
        let db = try TeamDatabase()
        try TestCluster.psql("UPDATE discovery_meta SET value = '99' WHERE key = 'schema_version'", database: db.name)
        let newer = try TeamBinary.run(["lead", "list"], db: db.adminURL)
        #expect(newer.status == 4 && newer.stderr.contains("newer version of discovery"))
        try TestCluster.psql("UPDATE discovery_meta SET value = '0' WHERE key = 'schema_version'", database: db.name)
        let older = try TeamBinary.run(["lead", "list"], db: db.adminURL)
        #expect(older.status == 4 && older.stderr.contains("run `discovery db migrate`"))
        #expect(try TestCluster.psql("SELECT value FROM discovery_meta WHERE key = 'schema_version'", database: db.name) == "0")
    }
}
