import Foundation

/// Finds the bundled `question-sets/` folder from any working directory: installed beside the
/// binary (`PREFIX/share/discovery/question-sets`), or in the source tree it was built from.
enum BundledQuestionSets {
    static func locate() -> String? {
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = exe.deletingLastPathComponent()
            candidates.append(bin.appendingPathComponent("../share/discovery/question-sets").standardized.path)
        }
        // Sources/DiscoveryCLI/BundledQuestionSets.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("question-sets").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/profiles") }
    }
}
