import Foundation
import PostgresTestSupport
import Testing

/// `import` writes its new rows with `COPY FROM STDIN` (ids from the sequences first): a rep's
/// rights suffice; a COPY the server refuses, or one whose connection is killed while it waits,
/// leaves nothing half-written and says so.
@Suite(.enabled(if: clusterAvailable)) struct ImportCopyFaultTests {
    func csv(rows: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("copy-fault-\(UUID().uuidString).csv").path
        var text = "company,firstname,lastname,email\n"
        for n in 1...rows { text += "Org \(n % 40),First\(n),Last\(n),p\(n)@example.org\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func counts(_ db: TeamDatabase) throws -> String {
        try TestCluster.psql("""
            SELECT (SELECT count(*) FROM lead) || ' ' || (SELECT count(*) FROM contact) || ' ' ||
                   (SELECT count(*) FROM audit) || ' ' || (SELECT count(*) FROM changeset)
            """, database: db.name)
    }

    @Test func aRepImportsWithCopyAndTheRowsAreTheirs() throws {
        let db = try TeamDatabase()
        let rep = try db.role("copyrep", group: "rep")
        let file = try csv(rows: 120)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try TeamBinary.run(["import", file], db: rep.url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.contains("40 leads created, 120 contacts created"), "\(result.output)")
        #expect(try TestCluster.psql("SELECT count(*) || ' ' || min(lead_id) || ' ' || max(lead_id) FROM contact", database: db.name) == "120 1 40")
        #expect(try TestCluster.psql("SELECT DISTINCT actor FROM audit WHERE entity IN ('lead', 'contact')", database: db.name) == rep.name)
    }

    @Test func aCopyRefusedByAConstraintSavesNothingOfTheBatch() throws {
        let db = try TeamDatabase()
        let file = try csv(rows: 300)
        defer { try? FileManager.default.removeItem(atPath: file) }
        // Contact 250's email is refused by the server, in the middle of the contacts' COPY.
        try TestCluster.psql("ALTER TABLE contact ADD CONSTRAINT no_p250 CHECK (email <> 'p250@example.org')", database: db.name)
        let before = try counts(db)
        let result = try TeamBinary.run(["import", file], db: db.adminURL)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stderr.contains("refused by the database") && result.stderr.contains("no_p250")
                && result.stderr.contains("not saved"), "\(result.stderr)")
        #expect(try counts(db) == before)
    }

    @Test func aConnectionKilledWhileACopyWaitsIsExit4AndNothingIsHalfWritten() throws {
        let db = try TeamDatabase()
        let file = try csv(rows: 300)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let before = try counts(db)
        // A teammate's lock on the audit log: the import's COPY of its audit entries waits on it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        holder.arguments = [db.adminURL, "-X", "-q", "-c", "BEGIN; LOCK TABLE audit IN SHARE MODE; SELECT pg_sleep(4); COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.3)
        let started = try TeamBinary.start(["import", file], db: db.adminURL)
        // Wait (at most 4 s) until the import's backend is in its COPY, blocked on the lock; then end it.
        var waiting = ""
        for _ in 0..<40 where waiting.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            waiting = try TestCluster.psql("""
                SELECT pid FROM pg_stat_activity WHERE application_name = 'discovery' AND datname = '\(db.name)'
                   AND query LIKE 'COPY "audit"%' AND wait_event_type = 'Lock'
                """)
        }
        #expect(!waiting.isEmpty, "the import never waited in its COPY of audit entries")
        try TestCluster.psql("SELECT pg_terminate_backend(\(waiting.isEmpty ? "0" : waiting))")
        let result = TeamBinary.finish(started)
        #expect(result.status == 4, "\(result.output)")
        #expect(result.stderr.contains("not saved"), "\(result.stderr)")
        #expect(try counts(db) == before)
    }
}
