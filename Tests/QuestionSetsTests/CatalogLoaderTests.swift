import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

@Suite struct CatalogLoaderTests {
    @Test(arguments: LintFixture.invalidCases)
    func invalidFileReportsItsExpectedLines(name: String) throws {
        let (folder, _) = try LintFixture.folder(adding: name)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expectedFile = LintFixture.root.appendingPathComponent("invalid/" + name.replacingOccurrences(of: ".yaml", with: ".expected"))
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let report = CatalogLoader.lint(directory: folder)
        #expect(LintFixture.lines(report, in: folder) == expected)
        #expect(throws: DiscoveryError.self) { try CatalogLoader.load(directory: folder) }
    }

    /// The parameterised test above runs no case at all if the folder is missing: it must be
    /// there, and every invalid file must come with its `.expected` lines.
    @Test func everyInvalidFixtureHasItsExpectedLines() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: LintFixture.root.appendingPathComponent("invalid").path)
        let cases = names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        let expectations = names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
        #expect(!cases.isEmpty)
        #expect(cases == expectations)
        #expect(LintFixture.invalidCases == cases.map { $0 + ".yaml" })
    }

    @Test func theBaseFixtureIsValid() throws {
        let folder = try LintFixture.baseCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = CatalogLoader.lint(directory: folder)
        #expect(report.diagnostics == [])
        #expect(report.summary == "ok: 1 set, 2 questions, 1 profile, 1 signal")
    }

    @Test func loadErrorIsADataFileErrorWithEveryLine() throws {
        let (folder, _) = try LintFixture.folder(adding: "set-duplicates.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try CatalogLoader.load(directory: folder)
            Issue.record("an invalid folder loaded")
        } catch {
            #expect(error.kind == .dataFile)
            #expect(error.exitCode == 3)
            #expect(error.message.split(separator: "\n").count == 2)
            #expect(error.message.hasPrefix(folder + "/set-duplicates.yaml:10: duplicate choice id 'us'"))
        }
    }

    @Test func missingFolderIsADataFileError() {
        let report = CatalogLoader.lint(directory: "/nonexistent/question-sets")
        #expect(report.diagnostics.map(\.description) == ["/nonexistent/question-sets: no such folder: pass the question-set folder (the one holding the set files, profiles/ and signals.yaml)"])
        #expect(throws: DiscoveryError.dataFile(report.diagnostics[0].description)) { try CatalogLoader.load(directory: "/nonexistent/question-sets") }
    }

    @Test func aliasBombFailsFast() throws {
        let (folder, _) = try LintFixture.folder(adding: "set-alias-bomb.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let start = Date()
        let report = CatalogLoader.lint(directory: folder)
        #expect(Date().timeIntervalSince(start) < 0.5)
        #expect(report.diagnostics.count == 1)
    }

    @Test func aliasWithoutAnchorOnItsLineIsRefusedAtTheAlias() throws {
        let folder = try LintFixture.folder(with: ["a.yaml": "set: a\ntitle: A\nquestions:\n  - &q\n    id: x\n    ask: X\n    type: text\n  - *q\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = LintFixture.lines(CatalogLoader.lint(directory: folder), in: folder)
        #expect(lines == ["a.yaml:4: YAML anchors ('&name') and aliases are not allowed in question sets: write the value out in full"])
    }

    @Test func pathsAreShownAsTheUserKnowsThem() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(CatalogLoader.displayPath("question-sets/") == "question-sets")
        #expect(CatalogLoader.displayPath(cwd + "/question-sets") == "question-sets")
        #expect(CatalogLoader.displayPath("/elsewhere/sets//") == "/elsewhere/sets")
        #expect(CatalogLoader.displayPath("/") == "/")
    }
}
