import Foundation
@testable import QuestionSets

/// The fixture folders shipped with the tests, and temporary question-set folders built from them.
enum LintFixture {
    static var root: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The names of the invalid fixture files (`set-missing-label.yaml`, ...).
    static var invalidCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("invalid").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The package's bundled `question-sets/`.
    static var bundledFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("question-sets").path
    }

    /// A fresh copy of the valid base folder in a temporary directory.
    static func baseCopy() throws -> String {
        let folder = NSTemporaryDirectory() + "question-sets-test-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("base").path, toPath: folder)
        return folder
    }

    /// The base folder with one invalid file added where its name says: `set-*` beside the sets,
    /// `profile-*` in `profiles/`, `signals-*` in place of `signals.yaml`. Returns the folder and
    /// the file's path relative to it.
    static func folder(adding name: String) throws -> (folder: String, relative: String) {
        let folder = try baseCopy()
        let relative: String
        if name.hasPrefix("profile-") {
            relative = "profiles/" + name
        } else if name.hasPrefix("signals-") {
            relative = "signals.yaml"
            try FileManager.default.removeItem(atPath: folder + "/signals.yaml")
        } else {
            relative = name
        }
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("invalid/" + name).path, toPath: folder + "/" + relative)
        return (folder, relative)
    }

    /// Writes `files` (relative path → text) into a copy of the base folder.
    static func folder(with files: [String: String]) throws -> String {
        let folder = try baseCopy()
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The report's lines with the folder prefix removed.
    static func lines(_ report: LintReport, in folder: String) -> [String] {
        report.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }
}
