import Foundation

/// Finds the bundled `question-sets/` folder from any working directory: installed beside the
/// binary (`PREFIX/share/discovery/question-sets`), or in the source tree it was built from.
/// Plain path strings and `access(2)`: Foundation's `URL` and `FileManager` cost a scan of the
/// runtime's conformance records on their first use, at the start of every command.
enum BundledQuestionSets {
    static func locate() -> String? {
        var candidates: [String] = []
        if let exe = executable() {
            // PREFIX/bin/discovery → PREFIX/share/discovery/question-sets (`exe` has no `..`).
            candidates.append(parent(parent(exe)) + "/share/discovery/question-sets")
        }
        // Sources/DiscoveryCLI/BundledQuestionSets.swift → the package root.
        candidates.append(parent(parent(parent(#filePath))) + "/question-sets")
        return candidates.first { access($0 + "/profiles", F_OK) == 0 }
    }

    /// The running binary with its symbolic links resolved: `realpath` of `/proc/self/exe`
    /// (the kernel's own link to it) where there is one, else Foundation's `Bundle`.
    static func executable() -> String? {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    /// The folder holding `path`, an absolute path without `.` or `..` components (`/` for `/x`).
    static func parent(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
