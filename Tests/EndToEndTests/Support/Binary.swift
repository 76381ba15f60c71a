import Foundation

/// Runs the built `discovery` binary as a child process with a private HOME and XDG folders.
enum Binary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable next to the test bundle (`.build/debug/discovery`), or the one named by
    /// `DISCOVERY_TEST_BINARY` (to run these tests against the static release build).
    static var path: String {
        if let chosen = ProcessInfo.processInfo.environment["DISCOVERY_TEST_BINARY"], !chosen.isEmpty {
            return URL(fileURLWithPath: chosen).standardizedFileURL.path
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("discovery").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // swift test runs from the package root.
        return FileManager.default.currentDirectoryPath + "/.build/debug/discovery"
    }

    /// The repository root, for the bundled question sets.
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs the binary with `arguments`, feeding `stdin`, in an environment with its own HOME.
    /// With `asNobody`, runs under `setpriv` as uid/gid 65534 (root ignores file permissions),
    /// on `database`.
    static func run(_ arguments: [String], stdin: String = "", home: String? = nil,
                    environment extra: [String: String] = [:], asNobody: Bool = false,
                    database: String? = nil, currentDirectory: String? = nil,
                    closedStdout: Bool = false) throws -> Result {
        let home = home ?? NSTemporaryDirectory() + "discovery-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let p = Process()
        let dbArguments = database.map { ["--db", $0] } ?? []
        if asNobody {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", path] + dbArguments + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = dbArguments + arguments
        }
        var env = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                   "NO_COLOR": "1", "TERM": "dumb", "USER": "tester", "PATH": "/usr/bin:/bin",
                   "SWIFT_BACKTRACE": "enable=no", "DISCOVERY_NOW": "2026-03-02T09:00:00Z"]
        env.merge(extra) { $1 }
        p.environment = env
        if let currentDirectory { p.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        // With `closedStdout`, standard output is a pipe nobody reads: every write fails with EPIPE.
        let deadPipe = Pipe()
        if closedStdout {
            try deadPipe.fileHandleForReading.close()
            p.standardOutput = deadPipe.fileHandleForWriting
        } else {
            p.standardOutput = outPipe
        }
        p.standardError = errPipe
        try p.run()
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(stdin.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        if closedStdout { try deadPipe.fileHandleForWriting.close() }
        let out = closedStdout ? Data() : outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
