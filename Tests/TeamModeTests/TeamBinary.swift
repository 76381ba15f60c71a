import Foundation
import PostgresTestSupport
import Testing

/// Runs the built `discovery` binary against a team database, with a private HOME.
enum TeamBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var output: String { stdout + stderr }
    }

    static var path: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("discovery").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/discovery"
    }

    static var questionSets: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("question-sets").path
    }

    /// Starts the binary; `wait()` on the result's process gives its outcome.
    static func start(_ arguments: [String], db: String, stdin: String = "",
                      environment extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let home = NSTemporaryDirectory() + "discovery-team-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--db", db, "--question-sets", questionSets] + arguments
        var env = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                   "XDG_CACHE_HOME": home + "/cache", "NO_COLOR": "1", "TERM": "dumb", "USER": "tester",
                   "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no", "DISCOVERY_NOW": "2026-03-02T09:00:00Z"]
        env.merge(extra) { $1 }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try inPipe.fileHandleForWriting.close()
        return (p, outPipe, errPipe)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Result {
        let (p, out, err) = started
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func run(_ arguments: [String], db: String, stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        finish(try start(arguments, db: db, stdin: stdin, environment: environment))
    }
}

/// A fresh team database for one test: created on the test cluster, `db init` run by the
/// superuser, and login roles made on request; dropped (with its roles) at the end.
final class TeamDatabase {
    let name: String
    /// The superuser's URL for this database.
    let adminURL: String
    private var roles: [String] = []

    init(initialised: Bool = true) throws {
        name = try TestCluster.createDatabase()
        adminURL = try TestCluster.url(database: name)
        if initialised {
            let result = try TeamBinary.run(["db", "init"], db: adminURL)
            guard result.status == 0 else { throw TestCluster.Failure(description: "db init failed: \(result.output)") }
        }
    }

    /// A new login role with a password, in `group` (`rep` or `ops`) when given; its URL.
    func role(_ prefix: String, group: String?) throws -> (name: String, url: String) {
        let role = prefix + "_" + String(name.suffix(8))
        try TestCluster.psql("CREATE ROLE \(role) LOGIN PASSWORD 'pw-\(role)'")
        roles.append(role)
        if let group {
            let result = try TeamBinary.run(["db", "grant", role, group], db: adminURL)
            guard result.status == 0 else { throw TestCluster.Failure(description: "db grant failed: \(result.output)") }
        }
        return (role, urlFor(role: role, password: "pw-\(role)"))
    }

    func urlFor(role: String, password: String) -> String {
        // The admin URL is postgresql://postgres:PW@host:port/db.
        let afterAt = adminURL.lastIndex(of: "@").map { adminURL[adminURL.index(after: $0)...] } ?? ""
        return "postgresql://\(role):\(password)@\(afterAt)"
    }

    deinit {
        TestCluster.dropDatabase(name)
        for role in roles { _ = try? TestCluster.psql("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
    }
}

/// The team-mode tests need the test cluster: they are skipped (with a loud warning) without it, except in CI.
let clusterAvailable: Bool = {
    if TestCluster.url == nil && !TestCluster.required { TestCluster.warnSkipped(); return false }
    return true
}()
