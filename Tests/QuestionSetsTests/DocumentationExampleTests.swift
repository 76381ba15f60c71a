import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

/// The complete example of `docs/question-sets.md` must lint clean next to the bundled sets, so the
/// page a sales-ops reader copies from stays correct.
@Suite struct DocumentationExampleTests {
    static var page: String {
        let root = URL(fileURLWithPath: LintFixture.bundledFolder).deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/question-sets.md"), encoding: .utf8)) ?? ""
    }

    /// The ```yaml block of the page whose first line is `firstLine`.
    static func block(startingWith firstLine: String) -> String? {
        let parts = page.components(separatedBy: "```yaml\n")
        for part in parts.dropFirst() where part.hasPrefix(firstLine) {
            return part.components(separatedBy: "```").first
        }
        return nil
    }

    @Test func theCompleteExampleLintsNextToTheBundledSets() throws {
        let set = try #require(Self.block(startingWith: "# Clinical trial"))
        let profile = try #require(Self.block(startingWith: "# Surgical robotics"))
        let folder = NSTemporaryDirectory() + "docs-example-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: LintFixture.bundledFolder, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try set.write(toFile: folder + "/trial.yaml", atomically: true, encoding: .utf8)
        try profile.write(toFile: folder + "/profiles/surgical-robotics.yaml", atomically: true, encoding: .utf8)
        let report = CatalogLoader.lint(directory: folder)
        #expect(LintFixture.lines(report, in: folder) == [])
        // The page quotes this output.
        #expect(Self.page.contains(report.summary))
        let trial = try #require(report.catalog.set("trial"))
        #expect(Set(trial.questions.map(\.type.rawValue)) == ["yes-no", "contacts", "number", "date", "multi", "choice", "text"])
        #expect(report.catalog.profile("surgical-robotics")?.sql.gates.contains("trial-plan") == true)
    }

    @Test func thePageListsEveryBundledSetTypeAndReasonCode() {
        let catalog = CatalogLoader.lint(directory: LintFixture.bundledFolder).catalog
        for set in catalog.sets { #expect(Self.page.contains("| `\(set.id)` |"), "\(set.id)") }
        for type in QuestionType.allCases { #expect(Self.page.contains("| `\(type.rawValue)` |"), "\(type.rawValue)") }
        for code in ReasonCode.allCases where !code.requiresNote { #expect(Self.page.contains("`\(code.rawValue)`"), "\(code.rawValue)") }
        for gate in CatalogValidator.gates(in: catalog.sets) { #expect(Self.page.contains("| `\(gate)` |"), "\(gate)") }
    }
}
