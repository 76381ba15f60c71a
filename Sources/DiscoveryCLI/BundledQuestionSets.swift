import Foundation

/// Finds the bundled `question-sets/` folder from any working directory: installed beside the
/// binary (`PREFIX/share/discovery/question-sets`), or in the source tree it was built from.
enum BundledQuestionSets {
    static func locate() -> String? {
        var candidates: [String] = []
        if let exe = executable() {
            let bin = exe.deletingLastPathComponent()
            candidates.append(bin.appendingPathComponent("../share/discovery/question-sets").standardized.path)
        }
        // Sources/DiscoveryCLI/BundledQuestionSets.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("question-sets").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/profiles") }
    }

    /// The running binary with its symbolic links resolved: `realpath` of `/proc/self/exe`
    /// (the kernel's own link to it) where there is one, else Foundation's `Bundle` and URL
    /// resolution, which cost more at every start (a scan of the runtime's conformances).
    static func executable() -> URL? {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return URL(fileURLWithPath: String(cString: resolved))
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
