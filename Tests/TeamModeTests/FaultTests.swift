import Foundation
import PostgresTestSupport
import Testing

/// A teammate's lock, a connection killed mid-command, a connection lost between two lines.
@Suite(.enabled(if: clusterAvailable)) struct FaultTests {
    /// Holds lead 1's row lock from psql for `seconds`, in the background.
    func holdLeadLock(_ db: TeamDatabase, seconds: Double) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = [db.adminURL, "-X", "-q", "-c",
                       "BEGIN; SELECT id FROM lead WHERE id = 1 FOR UPDATE; SELECT pg_sleep(\(seconds)); COMMIT;"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 0.3)
        return p
    }

    func answers(_ db: TeamDatabase) throws -> String {
        try TestCluster.psql("SELECT count(*) FROM answer", database: db.name)
    }

    @Test func aTeammatesLockIsWaitedOut() throws {
        let db = try TeamDatabase()
        #expect(try TeamBinary.run(["lead", "new", "Mercy"], db: db.adminURL).status == 0)
        let holder = try holdLeadLock(db, seconds: 1.5)
        let started = Date()
        let result = try TeamBinary.run(["answer", "L1", "need.problem", "waits its turn"], db: db.adminURL)
        holder.waitUntilExit()
        #expect(result.status == 0, "\(result.output)")
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(try answers(db) == "1")
    }

    @Test func aLockHeldTooLongIsExit4AndNothingIsSaved() throws {
        let db = try TeamDatabase()
        #expect(try TeamBinary.run(["lead", "new", "Mercy"], db: db.adminURL).status == 0)
        let holder = try holdLeadLock(db, seconds: 8)
        defer { holder.terminate() }
        let result = try TeamBinary.run(["answer", "L1", "need.problem", "gives up"], db: db.adminURL)
        #expect(result.status == 4)
        #expect(result.stderr.contains("locked by a teammate") && result.stderr.contains("not saved"))
        #expect(try answers(db) == "0")
    }

    @Test func aConnectionKilledMidCommandIsExit4NotSavedAndNothingHalfWritten() throws {
        let db = try TeamDatabase()
        #expect(try TeamBinary.run(["lead", "new", "Mercy"], db: db.adminURL).status == 0)
        let holder = try holdLeadLock(db, seconds: 4)
        defer { holder.terminate() }
        // The command waits on the lock with its transaction open; then the server ends its connection.
        let started = try TeamBinary.start(["answer", "L1", "need.problem", "never saved"], db: db.adminURL)
        Thread.sleep(forTimeInterval: 0.8)
        try TestCluster.psql("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'discovery' AND datname = '\(db.name)'
            """)
        let result = TeamBinary.finish(started)
        #expect(result.status == 4)
        #expect(result.stderr.contains("not saved"), "\(result.stderr)")
        #expect(try answers(db) == "0")
        #expect(try TestCluster.psql("SELECT count(*) FROM changeset", database: db.name) == "1")
    }

    @Test func theShellReconnectsForTheNextLineAfterItsConnectionWasLost() throws {
        let db = try TeamDatabase()
        let home = NSTemporaryDirectory() + "discovery-team-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TeamBinary.path)
        p.arguments = ["--db", db.adminURL, "--question-sets", TeamBinary.questionSets]
        p.environment = ["HOME": home, "XDG_DATA_HOME": home, "XDG_STATE_HOME": home, "XDG_CACHE_HOME": home,
                         "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin", "DISCOVERY_NOW": "2026-03-02T09:00:00Z"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        input.fileHandleForWriting.write(Data("lead new Mercy\n".utf8))
        Thread.sleep(forTimeInterval: 1)
        try TestCluster.psql("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'discovery' AND datname = '\(db.name)'
            """)
        Thread.sleep(forTimeInterval: 0.3)
        input.fileHandleForWriting.write(Data("lead new Hope\nlead list\n".utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(err)")
        #expect(out.contains("Mercy") && out.contains("Hope"))
        #expect(try TestCluster.psql("SELECT count(*) FROM lead", database: db.name) == "2")
    }
}
