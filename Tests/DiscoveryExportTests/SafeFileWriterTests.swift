import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

@Suite struct SafeFileWriterTests {
    @Test func writesANewFileOwnerOnlyAndLeavesNoTemporaryFile() throws {
        let t = TempFolder()
        let w = try SafeFileWriter(path: t.file("out.csv"), force: false)
        try w.write("a,b\r\n")
        try w.write(String(repeating: "x", count: 200_000))
        try w.commit()
        #expect(t.names == ["out.csv"])
        #expect(t.contents("out.csv")?.utf8.count == 200_005)
        let mode = try FileManager.default.attributesOfItem(atPath: t.file("out.csv"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func nothingAppearsUnderTheNameBeforeCommit() throws {
        let t = TempFolder()
        let w = try SafeFileWriter(path: t.file("out.csv"), force: false)
        try w.write(String(repeating: "y", count: 100_000))
        #expect(!FileManager.default.fileExists(atPath: t.file("out.csv")))
        w.discard()
        #expect(t.names.isEmpty)
    }

    @Test func refusesAnExistingFileWithoutForceAndReplacesItWithForce() throws {
        let t = TempFolder()
        try "old".write(toFile: t.file("out.csv"), atomically: false, encoding: .utf8)
        #expect(throws: DiscoveryError.failed("\(t.file("out.csv")): already exists; add --force to replace it, or choose another file name")) {
            _ = try SafeFileWriter(path: t.file("out.csv"), force: false)
        }
        #expect(t.contents("out.csv") == "old")
        let w = try SafeFileWriter(path: t.file("out.csv"), force: true)
        try w.write("new")
        try w.commit()
        #expect(t.contents("out.csv") == "new")
        #expect(t.names == ["out.csv"])
    }

    @Test(arguments: [false, true])
    func neverWritesThroughASymbolicLink(force: Bool) throws {
        let t = TempFolder()
        try "secret".write(toFile: t.file("target"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: t.file("link.csv"), withDestinationPath: t.file("target"))
        let error = try #require(throws: DiscoveryError.self) { _ = try SafeFileWriter(path: t.file("link.csv"), force: force) }
        #expect(error.kind == .failed)
        #expect(error.message.contains("is a symbolic link"))
        #expect(t.contents("target") == "secret")
        // A dangling link is refused too: it would create the file wherever it points.
        try FileManager.default.createSymbolicLink(atPath: t.file("dangling.csv"), withDestinationPath: t.file("nowhere"))
        #expect(throws: DiscoveryError.self) { _ = try SafeFileWriter(path: t.file("dangling.csv"), force: force) }
        #expect(!FileManager.default.fileExists(atPath: t.file("nowhere")))
    }

    @Test func refusesAFolder() throws {
        let t = TempFolder()
        try FileManager.default.createDirectory(atPath: t.file("dir"), withIntermediateDirectories: false)
        let error = try #require(throws: DiscoveryError.self) { _ = try SafeFileWriter(path: t.file("dir"), force: true) }
        #expect(error.message.contains("is a folder"))
        let slash = try #require(throws: DiscoveryError.self) { _ = try SafeFileWriter(path: t.file("dir") + "/", force: true) }
        #expect(slash.message.contains("is a folder name"))
    }

    @Test func acceptsDotDotWhenItResolvesAndNamesTheFolderWhenItDoesNot() throws {
        let t = TempFolder()
        try FileManager.default.createDirectory(atPath: t.file("a"), withIntermediateDirectories: false)
        let w = try SafeFileWriter(path: t.file("a/../out.csv"), force: false)
        try w.write("ok")
        try w.commit()
        #expect(t.contents("out.csv") == "ok")
        let error = try #require(throws: DiscoveryError.self) { _ = try SafeFileWriter(path: t.file("a/../missing/out.csv"), force: false) }
        #expect(error.kind == .failed)
        #expect(error.message.contains("the folder '\(t.file("a/../missing"))' (that is \(t.file("missing"))) does not exist"))
    }

    @Test func aFullDeviceIsAStorageErrorAndCreatesNothing() throws {
        let w = try SafeFileWriter(path: "/dev/full", force: false)
        try w.write("data")
        let error = try #require(throws: DiscoveryError.self) { try w.commit() }
        #expect(error.kind == .storage)
        #expect(error.exitCode == 4)
        #expect(error.message.contains("the disk is full"))
        // Large writes fail at the first block.
        let big = try SafeFileWriter(path: "/dev/full", force: false)
        #expect(throws: DiscoveryError.self) { try big.write(String(repeating: "z", count: 1 << 17)) }
    }

    @Test func aFileThatAppearsWhileWritingIsLeftAloneAndTheTemporaryFileRemoved() throws {
        let t = TempFolder()
        let w = try SafeFileWriter(path: t.file("out.csv"), force: false)
        try w.write("mine")
        try "theirs".write(toFile: t.file("out.csv"), atomically: false, encoding: .utf8)
        let error = try #require(throws: DiscoveryError.self) { try w.commit() }
        #expect(error.message.contains("appeared while writing"))
        #expect(t.contents("out.csv") == "theirs")
        #expect(t.names == ["out.csv"])
    }
}
