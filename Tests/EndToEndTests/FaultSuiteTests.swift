import Foundation
import Testing

/// Runs `scripts/faults` at a small N against the built binary: kill -9 during answers, a held
/// lock, a read-only database, a full disk, corrupt and truncated files, signals and EOF.
/// Every check must pass: no acknowledged answer lost, no integrity failure.
@Suite struct FaultSuiteTests {
    @Test(.timeLimit(.minutes(3))) func smallFaultRunLosesNothing() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [Binary.packageRoot + "/scripts/faults", "--trials", "4", "--bin", Binary.path]
        p.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let kill = text.split(separator: "\n").first { $0.contains("kill -9:") }.map(String.init) ?? ""
        #expect(kill.hasPrefix("ok") && kill.contains(" 0 lost, 0 integrity failures"), "\(kill)")
        #expect(!text.contains("FAILED"), "\(text)")
        #expect(p.terminationStatus == 0, "\(text)")
    }
}
