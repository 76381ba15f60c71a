import Foundation
import PostgresTestSupport
import Testing

/// What the server enforces, whatever client a teammate uses: tried with psql as a rep.
@Suite(.enabled(if: clusterAvailable)) struct ServerRightsTests {
    @Test(arguments: [
        ("UPDATE audit SET actor = 'someone'", "permission denied for table audit"),
        ("DELETE FROM audit", "permission denied for table audit"),
        ("TRUNCATE audit", "permission denied for table audit"),
        ("DROP TABLE lead", "must be owner of table lead"),
        ("CREATE TABLE mine (x int)", "permission denied for schema public"),
        ("SELECT discovery_erase_lead(1, 'rep', now())", "permission denied for function discovery_erase_lead"),
        ("UPDATE lead_revision SET revision = 0", "permission denied for table lead_revision"),
        ("INSERT INTO lead_revision VALUES (1, 99)", "permission denied for table lead_revision"),
    ])
    func aRepCannotRewriteTheLogEraseOrChangeTheSchema(_ sql: String, _ refusal: String) throws {
        let db = try TeamDatabase()
        let rep = try db.role("rep", group: "rep")
        #expect(try TeamBinary.run(["lead", "new", "Mercy", "--profile", "consumables"], db: rep.url).status == 0)
        let error = try #require(throws: TestCluster.Failure.self) { try TestCluster.psql(sql, url: rep.url) }
        #expect(error.description.contains(refusal))
        #expect(try TestCluster.psql("SELECT count(*) FROM audit", database: db.name) == "1")
    }

    @Test func evenTheOwnerCannotChangeOrDeleteAnAuditEntry() throws {
        let db = try TeamDatabase()
        #expect(try TeamBinary.run(["lead", "new", "Mercy", "--profile", "consumables"], db: db.adminURL).status == 0)
        for sql in ["UPDATE audit SET actor = 'x'", "DELETE FROM audit", "TRUNCATE audit", "UPDATE changeset SET actor = 'x'", "DELETE FROM audit_erasure"] {
            let error = try #require(throws: TestCluster.Failure.self) { try TestCluster.psql(sql, database: db.name) }
            #expect(error.description.contains("append-only"))
        }
    }

    @Test func onlyOpsMayEraseALead() throws {
        let db = try TeamDatabase()
        let rep = try db.role("rep", group: "rep")
        let ops = try db.role("ops", group: "ops")
        #expect(try TeamBinary.run(["lead", "new", "Mercy Secret", "--profile", "consumables"], db: rep.url).status == 0)
        let refused = try TeamBinary.run(["lead", "delete", "1", "--yes"], db: rep.url)
        #expect(refused.status == 1 && refused.stderr.contains("permission denied") && refused.stderr.contains("not saved"))
        #expect(try TestCluster.psql("SELECT count(*) FROM lead", database: db.name) == "1")
        let erased = try TeamBinary.run(["lead", "delete", "1", "--yes"], db: ops.url)
        #expect(erased.status == 0)
        #expect(try TestCluster.psql("SELECT count(*) FROM lead", database: db.name) == "0")
        #expect(try TestCluster.psql("SELECT count(*) FROM audit WHERE new_value LIKE '%Secret%'", database: db.name) == "0")
    }

    /// A rep's `report scores` keeps the verdict bases it computed (derived data any reader may
    /// refresh), and a rep's change raises the revision through the triggers it may not write itself.
    @Test func aRepKeepsVerdictBasesAndItsChangesRaiseRevisions() throws {
        let db = try TeamDatabase()
        let rep = try db.role("rep", group: "rep")
        #expect(try TeamBinary.run(["lead", "new", "Mercy", "--profile", "consumables"], db: rep.url).status == 0)
        let report = try TeamBinary.run(["report", "scores"], db: rep.url)
        #expect(report.status == 0, "\(report.output)")
        #expect(try TestCluster.psql("SELECT count(*) FROM verdict_basis", database: db.name) == "1")
        let before = try TestCluster.psql("SELECT coalesce(max(revision), 0) FROM lead_revision", database: db.name)
        #expect(try TeamBinary.run(["signal", "add", "L1", "webinar-attended"], db: rep.url).status == 0)
        #expect(try TestCluster.psql("SELECT coalesce(max(revision), 0) FROM lead_revision", database: db.name) != before)
        #expect(try TeamBinary.run(["report", "scores"], db: rep.url).status == 0)
        #expect(try TestCluster.psql("SELECT count(*) FROM verdict_basis b JOIN lead_revision r USING (lead_id) WHERE b.revision = r.revision",
                                     database: db.name) == "1")
    }

    @Test func aRoleOutsideTheGroupsCannotReadTheLeads() throws {
        let db = try TeamDatabase()
        let outsider = try db.role("outsider", group: nil)
        let result = try TeamBinary.run(["lead", "list"], db: outsider.url)
        #expect(result.status != 0 && result.stderr.contains("permission denied"))
    }
}
