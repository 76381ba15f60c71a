import DiscoveryCore
@testable import DiscoveryPostgres
import Foundation
import PostgresTestSupport
import Testing

/// `db migrate` upgrades a shared schema; ordinary commands never do it by themselves.
@Suite(.enabled(if: clusterAvailable)) struct MigrationTests {
    @Test func aVersion1SchemaIsRefusedUntilMigratedAndKeepsItsLeads() throws {
        let db = try TeamDatabase(initialised: false)
        // The schema as the first release left it, with one lead.
        let store = try PostgresStore.connect(try TestCluster.location(database: db.name))
        try store.administer { s in
            for statement in PostgresSchema.statements(PostgresSchema.v1) { try s.exec(statement) }
            try s.exec("INSERT INTO discovery_meta (key, value) VALUES ('schema_version', '1')")
        }
        try TestCluster.psql("""
            INSERT INTO lead (org, profile, created_at, updated_at, stage_changed_at) VALUES ('Mercy', 'consumables', now(), now(), now())
            """, database: db.name)
        let refused = try TeamBinary.run(["lead", "list"], db: db.adminURL)
        #expect(refused.status == 4 && refused.stderr.contains("schema version 1") && refused.stderr.contains("run `discovery db migrate`"))
        #expect(try TestCluster.psql("SELECT value FROM discovery_meta WHERE key = 'schema_version'", database: db.name) == "1")
        let migrated = try TeamBinary.run(["db", "migrate"], db: db.adminURL)
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated from version 1 to \(PostgresSchema.version)"), "\(migrated.output)")
        // A migrated database has no model yet: ops publishes one.
        #expect(try TeamBinary.run(["sets", "publish", TeamBinary.questionSets], db: db.adminURL).status == 0)
        let list = try TeamBinary.run(["lead", "list"], db: db.adminURL)
        #expect(list.status == 0 && list.stdout.contains("Mercy"), "\(list.output)")
    }
}
