import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

@Suite struct CatalogCacheTests {
    private func temp() -> String { NSTemporaryDirectory() + "discovery-cache-" + UUID().uuidString }

    /// Where a stored copy's body starts: after its first line and the file names it counts.
    private func bodyStart(_ stored: [UInt8]) throws -> Int {
        let first = try #require(stored.firstIndex(of: UInt8(ascii: "\n")))
        let count = try #require(Int(String(decoding: stored[..<first], as: UTF8.self).split(separator: " ").last ?? ""))
        var start = first + 1
        for _ in 0..<count { start = try #require(stored[start...].firstIndex(of: UInt8(ascii: "\n"))) + 1 }
        return start
    }

    @Test func aValidCatalogIsStoredAndReusedUntilAFileChanges() throws {
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        let loaded = try CatalogLoader.load(directory: folder, cache: cache)
        #expect(loaded == (try CatalogLoader.load(directory: folder)))
        let stored = cache.path(for: folder)
        #expect(FileManager.default.fileExists(atPath: stored))
        #expect(cache.lookup(directory: folder) == loaded)
        let mode = try FileManager.default.attributesOfItem(atPath: cacheFolder)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        // An edit (new size and time) makes the copy stale: the folder is read again.
        let setFile = try #require(CatalogLoader.yamlFiles(in: folder).first { $0 != "signals.yaml" })
        let path = folder + "/" + setFile
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n# edited\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(cache.lookup(directory: folder) == nil)
        #expect(try CatalogLoader.load(directory: folder, cache: cache) == loaded)
        #expect(cache.lookup(directory: folder) == loaded)
    }

    @Test(arguments: ["set-duplicates.yaml", "profile-missing-set.yaml"])
    func anInvalidFileAddedBesideTheNamedOnesIsReported(_ name: String) throws {
        // The copy names its files and lists neither folder: only the folder's time tells that
        // a file was added, and the new file must still be read and reported.
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        _ = try CatalogLoader.checked(directory: folder, cache: cache)
        #expect(cache.storedCopy(directory: folder) != nil)
        let relative = name.hasPrefix("profile-") ? "profiles/" + name : name
        try FileManager.default.copyItem(atPath: LintFixture.root.appendingPathComponent("invalid/" + name).path,
                                         toPath: folder + "/" + relative)
        #expect(cache.storedCopy(directory: folder) == nil)
        #expect(throws: DiscoveryError.self) { _ = try CatalogLoader.checked(directory: folder, cache: cache) }
    }

    @Test func aNamedFileRemovedMakesTheCopyStale() throws {
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        _ = try CatalogLoader.load(directory: folder, cache: cache)
        let setFile = try #require(CatalogLoader.yamlFiles(in: folder).first { $0 != "signals.yaml" })
        try FileManager.default.removeItem(atPath: folder + "/" + setFile)
        #expect(cache.storedCopy(directory: folder) == nil)
        // Read again as it now is (valid or not, as without a cache).
        #expect((try? CatalogLoader.load(directory: folder, cache: cache)) == (try? CatalogLoader.load(directory: folder)))
    }

    @Test func anInvalidFolderIsNeverStoredAndAlwaysReported() throws {
        let (folder, _) = try LintFixture.folder(adding: "set-duplicates.yaml")
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        for _ in 0..<2 {
            #expect(throws: DiscoveryError.self) { try CatalogLoader.load(directory: folder, cache: cache) }
        }
        #expect(!FileManager.default.fileExists(atPath: cache.path(for: folder)))
    }

    @Test func aDamagedCopyIsIgnored() throws {
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        let loaded = try CatalogLoader.load(directory: folder, cache: cache)
        try Data("{\"version\": 1, \"fingerp".utf8).write(to: URL(fileURLWithPath: cache.path(for: folder)))
        #expect(cache.lookup(directory: folder) == nil)
        #expect(try CatalogLoader.load(directory: folder, cache: cache) == loaded)
    }

    @Test func aCopyAlteredAfterItsHeaderIsRefusedByItsChecksum() throws {
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        let loaded = try CatalogLoader.load(directory: folder, cache: cache)
        let path = cache.path(for: folder)
        var stored = try #require(CatalogCache.contents(of: path))
        let bodyStart = try bodyStart(stored)
        // One letter of a question's text changed: still a readable archive, but not the one stored.
        let letter = try #require(stored[bodyStart...].firstIndex(of: UInt8(ascii: "e")))
        stored[letter] = UInt8(ascii: "E")
        #expect((try? CatalogArchive.decode(Array(stored[bodyStart...]))) != nil)
        try Data(stored).write(to: URL(fileURLWithPath: path))
        #expect(cache.storedCopy(directory: folder) != nil)
        #expect(cache.lookup(directory: folder) == nil)
        #expect(try CatalogLoader.checked(directory: folder, cache: cache)() == loaded)
        #expect(cache.lookup(directory: folder) == loaded)
    }

    @Test func theBundledSetsRoundTripThroughTheCache() throws {
        let bundled = LintFixture.bundledFolder
        let cacheFolder = temp()
        defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
        let cache = CatalogCache(folder: cacheFolder)
        let parsed = try CatalogLoader.load(directory: bundled, cache: cache)
        #expect(cache.lookup(directory: bundled) == parsed)
        #expect(parsed.sets.count >= 7)
    }

    @Test func checkedRefusesInvalidSetsAtOnceAndDecodesACachedCopyOnlyWhenAsked() throws {
        let (broken, _) = try LintFixture.folder(adding: "set-duplicates.yaml")
        let folder = try LintFixture.baseCopy()
        let cacheFolder = temp()
        defer { for f in [broken, folder, cacheFolder] { try? FileManager.default.removeItem(atPath: f) } }
        let cache = CatalogCache(folder: cacheFolder)
        #expect(throws: DiscoveryError.self) { _ = try CatalogLoader.checked(directory: broken, cache: cache) }

        let expected = try CatalogLoader.load(directory: folder)
        // No copy yet: read and checked now, then stored.
        #expect(try CatalogLoader.checked(directory: folder, cache: cache)() == expected)
        #expect(cache.storedCopy(directory: folder) != nil)
        // A copy whose header matches but whose body is damaged: the check passes (the files are
        // unchanged), and asking for the catalog reads the folder again instead of failing.
        let path = cache.path(for: folder)
        let stored = try #require(CatalogCache.contents(of: path))
        try (Data(stored.prefix(try bodyStart(stored))) + Data("{\"sets\": [".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(cache.storedCopy(directory: folder) != nil)
        let deferred = try CatalogLoader.checked(directory: folder, cache: cache)
        #expect(try deferred() == expected)
        #expect(cache.lookup(directory: folder) == expected)
    }
}
