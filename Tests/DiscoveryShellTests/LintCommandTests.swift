import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// `lint` inside the shell: the session's folder by default, or the one given.
@Suite struct LintCommandTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("question-sets").path

    @Test func lintsTheSessionFolderByDefault() throws {
        let shell = try TestShell()
        shell.session.questionSetsDirectory = Self.bundled
        let r = shell.output("lint")
        #expect(r.code == 0)
        #expect(r.out.hasPrefix("ok: 7 sets, "))
    }

    @Test func reportsEveryProblemAndFailsWithExitThree() throws {
        let folder = NSTemporaryDirectory() + "lint-shell-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.bundled, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "signals:\n  - id: demo-request\n    priority: urgent\n".write(toFile: folder + "/signals.yaml", atomically: true, encoding: .utf8)
        let shell = try TestShell()
        let r = shell.output("lint \(folder)")
        #expect(r.code == 3)
        #expect(r.err == """
            \(folder)/signals.yaml:2: signal 'demo-request' has no label
            \(folder)/signals.yaml:3: signal 'demo-request' has priority 'urgent': use 'normal' or 'high' (a direct request such as a demo request)
            error: 2 problems in \(folder)

            """)
    }

    @Test func withoutAFolderItSaysWhatToType() throws {
        let shell = try TestShell()
        let r = shell.output("lint")
        #expect(r.code == 2)
        #expect(r.err == "error: no question-set folder to check: lint DIR\n")
    }
}
