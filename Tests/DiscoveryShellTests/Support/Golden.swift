import Foundation
import Testing

/// Golden files under `Golden/`, beside the tests that own them. `RECORD_GOLDEN=1` rewrites
/// them from the actual output and then fails the run on purpose, so a re-record is never
/// mistaken for a pass.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("re-recorded \(name); unset RECORD_GOLDEN and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run with RECORD_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
