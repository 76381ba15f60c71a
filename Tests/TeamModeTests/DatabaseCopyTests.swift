import Foundation
import PostgresTestSupport
import Testing

/// `db copy`: a person's SQLite file into the team's database and back, everything kept.
@Suite(.enabled(if: clusterAvailable)) struct DatabaseCopyTests {
    static let book = """
        lead new "St. Luke Hospital" --type hospital --consent yes --owner ana
        answer L1 fit.org-type hospital
        answer L1 fit.specialty orthopedics
        signal add L1 demo-request
        contact add "Dr. Jane Roe" --email jane@example.org --lead L1
        call L1 connected --note "good talk"
        lead new Hope
        lead set L2 region West
        undo
        lead delete L2 --yes
        answer L1 need.problem "slow trays"
        answer L1 need.problem "slow trays and lost kits"

        """

    static let views = [["lead", "list"], ["audit"], ["status", "L1"], ["calls", "L1"], ["answers", "L1"],
                        ["answers", "L1", "--history", "need.problem"], ["contact", "list", "L1"], ["report", "pipeline"]]

    @Test func aSQLiteBookMovesToPostgresAndBackWithIdsRevisionsCallsAndTheLog() throws {
        let folder = NSTemporaryDirectory() + "discovery-copy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/ana.sqlite"
        let made = try TeamBinary.run(["--user", "ana"], db: file, stdin: Self.book)
        #expect(made.status == 0, "\(made.output)")
        let db = try TeamDatabase(initialised: false)
        let copied = try TeamBinary.run(["db", "copy", "--from", file, "--to", db.adminURL], db: file)
        #expect(copied.status == 0, "\(copied.output)")
        #expect(copied.stdout.hasPrefix("copied 1 lead, 1 contact, 1 call, 4 answer, 1 signal, 0 rejection, 0 next_step, 13 changeset, 16 audit, 1 audit_erasure\npublished the bundled question sets as model version 1"))
        for view in Self.views {
            let sqlite = try TeamBinary.run(["--user", "ana"] + view, db: file)
            let team = try TeamBinary.run(view, db: db.adminURL)
            #expect(sqlite.stdout == team.stdout, "\(view)")
            #expect(team.status == 0)
        }
        let again = try TeamBinary.run(["db", "copy", "--from", file, "--to", db.adminURL], db: file)
        #expect(again.status == 1 && again.stderr.contains("already holds leads"))
        let back = folder + "/back.sqlite"
        #expect(try TeamBinary.run(["db", "copy", "--from", db.adminURL, "--to", back], db: file).status == 0)
        #expect(try TeamBinary.run(["audit"], db: back).stdout == TeamBinary.run(["--user", "ana", "audit"], db: file).stdout)
        // The erased lead's id is not handed out again on either side.
        #expect(try TeamBinary.run(["lead", "new", "Third"], db: db.adminURL).stdout == "L3\n")
        #expect(try TeamBinary.run(["lead", "new", "Third"], db: back).stdout == "L3\n")
    }

    @Test func aMissingSourceOrAMalformedCommandChangesNothing() throws {
        let db = try TeamDatabase(initialised: false)
        let missing = try TeamBinary.run(["db", "copy", "--from", "/nonexistent/x.sqlite", "--to", db.adminURL], db: db.adminURL)
        #expect(missing.status == 1 && missing.stderr.contains("no such database file"))
        let half = try TeamBinary.run(["db", "copy", "--from", "/tmp/x.sqlite"], db: db.adminURL)
        #expect(half.status == 2 && half.stderr.contains("both --from and --to"))
        #expect(try TestCluster.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'lead'", database: db.name) == "0")
    }
}
