import Foundation
import Testing

/// A SQLite run does not pay for the PostgreSQL driver: NIO's threads start only for a team database.
@Suite struct StartupTests {
    /// The names of the threads of a shell waiting for its first line on `db`.
    func threadNames(db: String) throws -> [String] {
        let home = NSTemporaryDirectory() + "discovery-startup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TeamBinary.path)
        p.arguments = ["--db", db, "--question-sets", TeamBinary.questionSets]
        p.environment = ["HOME": home, "XDG_CACHE_HOME": home, "XDG_STATE_HOME": home, "TERM": "dumb", "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            try? input.fileHandleForWriting.close()
            p.waitUntilExit()
        }
        // By then the database is open and the shell waits for its first line.
        Thread.sleep(forTimeInterval: 1.0)
        let tasks = "/proc/\(p.processIdentifier)/task"
        return try FileManager.default.contentsOfDirectory(atPath: tasks).compactMap {
            try? String(contentsOfFile: "\(tasks)/\($0)/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func aSQLiteShellStartsNoNIOThreads() throws {
        let names = try threadNames(db: NSTemporaryDirectory() + UUID().uuidString + ".sqlite")
        #expect(!names.isEmpty)
        #expect(!names.contains { $0.hasPrefix("NIO") }, "\(names)")
    }

    @Test(.enabled(if: clusterAvailable)) func aTeamShellRunsOnNIO() throws {
        let db = try TeamDatabase()
        let names = try threadNames(db: db.adminURL)
        #expect(names.contains { $0.hasPrefix("NIO") }, "\(names)")
    }
}
