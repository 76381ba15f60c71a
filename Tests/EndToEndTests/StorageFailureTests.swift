import Foundation
import Testing

/// Storage failures through the real binary: exit 4, a message naming the file, the file left
/// as it was, and the shell alive for the next command.
@Suite struct StorageFailureTests {
    static let isRoot = getuid() == 0

    /// A home with one lead created, and the database path.
    func homeWithOneLead() throws -> (home: String, db: String) {
        let home = NSTemporaryDirectory() + "discovery-storage-" + UUID().uuidString
        let db = home + "/data/discovery/discovery.sqlite"
        let r = try Binary.run(["lead", "new", "Mercy Regional"], home: home)
        #expect(r.status == 0)
        return (home, db)
    }

    @Test(.enabled(if: isRoot, "dropping privileges needs root (as in CI)"))
    func readOnlyDatabaseCanBeReadButNotWritten() throws {
        let (home, db) = try homeWithOneLead()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let folder = (db as NSString).deletingLastPathComponent
        // Readable by others, writable by nobody but root; the folder stays writable for -shm.
        for dir in [home, home + "/data", folder] { chmod(dir, 0o755) }
        chmod(folder, 0o777)
        chmod(db, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let r = try Binary.run(["--keep-going"], stdin: "lead new Blocked\nlead list\n", home: home,
                               environment: [:], asNobody: true, database: db)
        #expect(r.status == 4)
        #expect(r.stderr == "line 1: \(db): the database is read-only; nothing was changed. Check the file's and folder's permissions\n")
        #expect(r.stdout.contains("Mercy Regional"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func corruptDatabaseIsRefusedAndLeftUntouched() throws {
        let (home, db) = try homeWithOneLead()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        for i in 200..<min(bytes.count, 8192) { bytes[i] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: db))
        let r = try Binary.run(["lead", "list"], home: home)
        #expect(r.status == 4)
        #expect(r.stderr.hasPrefix("discovery: \(db): "))
        #expect(r.stderr.contains("corrupt") || r.stderr.contains("not a SQLite database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
    }

    @Test func emptyDatabaseFileIsRefused() throws {
        let home = NSTemporaryDirectory() + "discovery-storage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let db = home + "/empty.sqlite"
        FileManager.default.createFile(atPath: db, contents: Data())
        let r = try Binary.run(["--db", db, "lead", "list"], home: home)
        #expect(r.status == 4)
        #expect(r.stderr == "discovery: \(db): the database file is empty (0 bytes); it holds no data. Move it away or pass another --db\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).isEmpty)
    }

    @Test func theDefaultDatabaseIsOwnerOnly() throws {
        let (home, db) = try homeWithOneLead()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let file = try FileManager.default.attributesOfItem(atPath: db)
        let folder = try FileManager.default.attributesOfItem(atPath: (db as NSString).deletingLastPathComponent)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }
}
