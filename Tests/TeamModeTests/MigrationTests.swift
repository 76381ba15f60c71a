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

    /// Version 7: the CRM record-id indexes hold only contacts with such an id, on a migrated
    /// version-5 database (its contacts kept) as on a new one.
    @Test func version7MakesTheCRMIdIndexesPartial() throws {
        func definitions(_ db: TeamDatabase) throws -> String {
            try TestCluster.psql("""
                SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes
                 WHERE tablename = 'contact' AND indexname IN ('contact_hubspot_id', 'contact_salesforce_id')
                """, database: db.name)
        }
        let partial = "CREATE INDEX contact_hubspot_id ON public.contact USING btree (hubspot_id) WHERE (hubspot_id IS NOT NULL); "
            + "CREATE INDEX contact_salesforce_id ON public.contact USING btree (salesforce_id) WHERE (salesforce_id IS NOT NULL)"
        let db = try TeamDatabase(initialised: false)
        let store = try PostgresStore.connect(try TestCluster.location(database: db.name))
        try store.administer { s in
            for v in 1...5 {
                for statement in PostgresSchema.statements(try #require(PostgresSchema.migrations[v])) { try s.exec(statement) }
            }
            try s.exec("INSERT INTO discovery_meta (key, value) VALUES ('schema_version', '5')")
        }
        try TestCluster.psql("""
            INSERT INTO lead (org, profile, created_at, updated_at, stage_changed_at) VALUES ('Mercy', 'consumables', now(), now(), now());
            INSERT INTO contact (lead_id, name, created_at, hubspot_id) VALUES (1, 'Ana Ruiz', now(), '5101'), (1, 'Ben Ode', now(), NULL)
            """, database: db.name)
        #expect(try !definitions(db).contains("WHERE"))
        let migrated = try TeamBinary.run(["db", "migrate"], db: db.adminURL)
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated from version 5 to \(PostgresSchema.version)"), "\(migrated.output)")
        #expect(try definitions(db) == partial)
        #expect(try TestCluster.psql("SELECT string_agg(name, ',' ORDER BY id) FROM contact WHERE hubspot_id = '5101' OR hubspot_id IS NULL",
                                     database: db.name) == "Ana Ruiz,Ben Ode")
        #expect(try definitions(try TeamDatabase()) == partial)
    }
}
