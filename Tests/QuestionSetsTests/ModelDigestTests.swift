import DiscoveryCore
import Foundation
import QuestionSets
import Testing

/// A local folder's model version is a hash of its files: the same files give the same version
/// wherever they live, and any edit gives another.
@Suite struct ModelDigestTests {
    func copyOfTheBundledSets() throws -> String {
        let copy = NSTemporaryDirectory() + "discovery-digest-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: LintFixture.bundledFolder, toPath: copy)
        return copy
    }

    @Test func theSameFilesGiveTheSameVersionAndAnEditAnother() throws {
        let bundled = ModelDigest.version(directory: LintFixture.bundledFolder)
        guard case .local(let digest?) = bundled else { Issue.record("no digest: \(bundled)"); return }
        #expect(digest.count == 16 && digest.allSatisfy(\.isHexDigit))
        #expect(bundled.description == "local \(digest)")

        let copy = try copyOfTheBundledSets()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        #expect(ModelDigest.version(directory: copy) == bundled)
        #expect(ModelDigest.version(directory: copy + "/") == bundled)
        let signals = copy + "/signals.yaml"
        try (try String(contentsOfFile: signals, encoding: .utf8) + "\n# edited\n").write(toFile: signals, atomically: true, encoding: .utf8)
        #expect(ModelDigest.version(directory: copy) != bundled)
    }

    @Test func aFolderWithoutSetsHasNoDigest() {
        #expect(ModelDigest.version(directory: "/nonexistent-\(UUID().uuidString)") == .local(digest: nil))
        #expect(ModelVersion.published(3).description == "team v3")
    }
}
