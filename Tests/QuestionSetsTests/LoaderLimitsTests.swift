import Foundation
import Testing
@testable import QuestionSets

/// Hostile or broken files fail fast with a line, never with a crash or a long wait.
@Suite struct LoaderLimitsTests {
    static func lint(_ files: [String: String]) throws -> [String] {
        let folder = try LintFixture.folder(with: files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return LintFixture.lines(CatalogLoader.lint(directory: folder), in: folder)
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() throws {
        let text = "set: x\ntitle: X\nquestions: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n"
        let start = Date()
        let lines = try Self.lint(["deep.yaml": text])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(lines == ["deep.yaml:3: the YAML is nested too deeply (more than 1000 levels)"])
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let folder = try LintFixture.baseCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0x73, 0x65, 0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin1.yaml"))
        let lines = LintFixture.lines(CatalogLoader.lint(directory: folder), in: folder)
        #expect(lines == ["latin1.yaml:1: the file is not UTF-8 text"])
    }

    @Test func anOversizedFileIsRefusedBeforeParsing() throws {
        let text = "set: big\ntitle: Big\n# " + String(repeating: "x", count: CatalogLoader.maximumFileSize) + "\n"
        let lines = try Self.lint(["big.yaml": text])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("big.yaml:1: the file is too large (") == true)
    }

    @Test func pointsAndThresholdsStayInRange() throws {
        let lines = try Self.lint([
            "s.yaml": "set: s\ntitle: S\nquestions:\n  - id: q\n    ask: Q?\n    type: text\n    score: { fit: 9223372036854775807 }\n",
            "profiles/p.yaml": "profile: p\ntitle: P\nsets: [s]\nmql: { min-total: 1000001 }\nsql: { gates: [next-step] }\n",
        ])
        #expect(lines == [
            "profiles/p.yaml:4: 'min-total' of 'mql' of profile 'p' is 1000001: thresholds go up to 100000",
            "s.yaml:7: 'fit' of the score of question 'q' is 9223372036854775807: points must be between -1000 and 1000",
        ])
    }

    @Test func tabsAndControlCharactersAreMalformedYAMLWithALine() throws {
        let lines = try Self.lint(["tab.yaml": "set: t\ntitle: T\nquestions:\n\t- id: q\n"])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("tab.yaml:4: malformed YAML: ") == true)
    }

    @Test func complexKeysAreRefused() throws {
        let lines = try Self.lint(["k.yaml": "set: k\ntitle: K\n? [a, b]\n: c\nquestions:\n  - { id: q, ask: Q?, type: text }\n"])
        #expect(lines == ["k.yaml:3: a key must be a plain word, not a list or a mapping"])
    }

    @Test func aMissingSignalsFileAndEmptyFolderAreReported() throws {
        let folder = NSTemporaryDirectory() + "empty-sets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = CatalogLoader.lint(directory: folder).diagnostics.map(\.description)
        #expect(lines == [
            "\(folder): no question sets (*.yaml) in this folder",
            "\(folder)/profiles: no profiles (*.yaml): at least one scoring profile is needed",
            "\(folder)/signals.yaml: missing: the signals file lists the engagement signal kinds and their points",
        ])
    }
}
