import Foundation
import Testing

/// `export` against the real binary: a full output device and a pipe closed early.
@Suite struct ExportBinaryTests {
    /// Runs `script` with bash, `$BIN` set to the binary and a private database.
    static func bash(_ script: String, home: String) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.environment = ["HOME": home, "BIN": Binary.path, "DISCOVERY_DB": home + "/db.sqlite", "NO_COLOR": "1",
                         "TERM": "dumb", "USER": "tester", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no",
                         "DISCOVERY_NOW": "2026-03-02T09:00:00Z", "DISCOVERY_QUESTION_SETS": Binary.packageRoot + "/question-sets"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func home() throws -> String {
        let home = NSTemporaryDirectory() + "discovery-e2e-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // 3,000 leads: far more than a pipe holds, so `head` closes it mid-export.
        let rows = (1...3_000).map { "Org \($0),Person \($0),p\($0)@org\($0).example" }
        try Data(("company,contact_name,email\n" + rows.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: home + "/leads.csv"))
        return home
    }

    @Test func aFullOutputIsExitFourAndAClosedPipeEndsQuietly() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let seeded = try Self.bash("\"$BIN\" import \"$HOME/leads.csv\"", home: home)
        #expect(seeded.status == 0, "\(seeded.err)")

        let full = try Self.bash("\"$BIN\" export > /dev/full", home: home)
        #expect(full.status == 4)
        #expect(full.err == "error: standard output: the disk is full (no space left on device); the output is incomplete\n")

        let out = try Self.bash("\"$BIN\" export --out /dev/full", home: home)
        #expect(out.status == 4)
        #expect(out.err.contains("/dev/full: the disk is full"))

        let piped = try Self.bash("\"$BIN\" export --format hubspot | head -c 50 > /dev/null; echo \"status ${PIPESTATUS[0]}\"", home: home)
        #expect(piped.out == "status 0\n")
        #expect(piped.err == "")
    }
}
