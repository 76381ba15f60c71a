import DiscoveryCore
import DiscoveryPostgres
import Testing

/// `--db postgresql://...` read as psql reads it: the URL first, then the PG* variables, then
/// `~/.pgpass`; `sslmode` checked; the password never in a message.
@Suite struct PostgresLocationTests {
    @Test func theURLGivesEveryPart() throws {
        let l = try PostgresLocation.parse("postgresql://ana:s%40cret@db.example.org:6543/team?sslmode=verify-full", environment: [:])
        #expect(l.host == "db.example.org" && l.port == 6543 && l.user == "ana" && l.database == "team")
        #expect(l.password == "s@cret" && l.sslMode == .verifyFull)
        #expect(!l.display.contains("s@cret"))
    }

    @Test func whatTheURLLeavesOutComesFromThePGVariables() throws {
        let env = ["PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "ben", "PGDATABASE": "sales",
                   "PGPASSWORD": "pw", "PGSSLMODE": "require", "PGSSLROOTCERT": "/etc/ca.pem"]
        let l = try PostgresLocation.parse("postgres://", environment: env)
        #expect(l.host == "pg.internal" && l.port == 5433 && l.user == "ben" && l.database == "sales")
        #expect(l.password == "pw" && l.sslMode == .require && l.sslRootCert == "/etc/ca.pem")
        let url = try PostgresLocation.parse("postgres://ana@h/d", environment: env)
        #expect(url.user == "ana" && url.host == "h" && url.database == "d" && url.port == 5433)
    }

    @Test func withoutAPasswordThePasswordFileIsRead() throws {
        let file = """
            # comment
            other:5432:*:ana:wrong
            h\\:x:5432:team:ana:nope
            db.example.org:*:team:ana:from\\:file
            """
        let l = try PostgresLocation.parse("postgresql://ana@db.example.org/team", environment: ["HOME": "/home/ana"]) { path in
            path == "/home/ana/.pgpass" ? file : nil
        }
        #expect(l.password == "from:file")
        let chosen = try PostgresLocation.parse("postgresql://ana@db.example.org/team", environment: ["PGPASSFILE": "/run/pass"]) {
            $0 == "/run/pass" ? "*:*:*:*:any" : nil
        }
        #expect(chosen.password == "any")
        let given = try PostgresLocation.parse("postgresql://ana:url@db.example.org/team", environment: ["HOME": "/h"]) { _ in file }
        #expect(given.password == "url")
    }

    @Test(arguments: [
        ("postgresql://ana:pw@h/d?sslmode=sometimes", "unknown sslmode 'sometimes'"),
        ("postgresql://ana:pw@h:notaport/d", "the port 'notaport'"),
        ("postgresql://ana:pw@h:70000/d", "the port '70000'"),
        ("postgresql://ana:pw@h/d?colour=blue", "unknown parameter 'colour'"),
        ("postgresql://ana:pw@[::1/d", "no closing ']'"),
    ])
    func badURLsAreUsageErrorsThatNeverShowThePassword(_ url: String, _ expected: String) throws {
        let error = try #require(throws: DiscoveryError.self) { try PostgresLocation.parse(url, environment: [:]) }
        #expect(error.kind == .usage)
        #expect(error.message.contains(expected))
        #expect(!error.message.contains(":pw@"))
    }

    @Test func theRedactedURLHidesPasswordsInBothPlaces() {
        #expect(PostgresLocation.redacted("postgresql://ana:secret@h/d") == "postgresql://ana:***@h/d")
        #expect(PostgresLocation.redacted("postgresql://h/d?password=secret&sslmode=require") == "postgresql://h/d?password=***&sslmode=require")
    }

    @Test func onlyPostgresURLsAreTeamDatabases() {
        #expect(PostgresLocation.isPostgresURL("postgresql://h/d") && PostgresLocation.isPostgresURL("postgres://h/d"))
        #expect(!PostgresLocation.isPostgresURL("/home/ana/discovery.sqlite") && !PostgresLocation.isPostgresURL("postgresql.sqlite"))
    }
}
