#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// The scratch file is owner-only and has no name from the moment it is made; what is written
/// reads back at any offset; a folder it cannot be made in is named.
@Suite struct ScratchFileTests {
    @Test func ownerOnlyNamelessAndReadBack() throws {
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try ScratchFile(folder: folder, purpose: "testing")
        var info = stat()
        #expect(fstat(file.descriptor, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(info.st_nlink == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try file.append(Array(bytes[..<100]))
        try file.append(Array(bytes[100...]))
        #expect(file.size == bytes.count)
        var back = [UInt8](repeating: 0, count: 1000)
        let got = try back.withUnsafeMutableBytes { try file.read(into: $0, at: 299_500) }
        #expect(got == 500)
        #expect(Array(back[..<500]) == Array(bytes[299_500...]))
    }

    @Test func aFolderItCannotBeMadeInIsNamed() {
        let error = #expect(throws: DiscoveryError.self) { try ScratchFile(folder: "/proc/no-such-folder", purpose: "testing") }
        #expect(error?.kind == .storage)
        #expect(error?.message.hasPrefix("cannot create a scratch file in /proc/no-such-folder for testing: ") == true, "\(error?.message ?? "")")
    }
}
