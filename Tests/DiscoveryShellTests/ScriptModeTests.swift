import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

/// Script mode reads lines from a file descriptor: errors carry the line number, the run stops
/// at the first failure unless --keep-going, and unreadable lines are refused, not repaired.
@Suite struct ScriptModeTests {
    /// Runs `bytes` as a script through a real file descriptor.
    func runScript(_ bytes: [UInt8], keepGoing: Bool = false) throws -> (TestShell, Int32) {
        let t = try TestShell()
        let path = t.folder + "/script.txt"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        t.session.reader = FileLineReader(fileDescriptor: fd)
        let code = t.shell.runScript(keepGoing: keepGoing)
        return (t, code)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func stopsAtTheFirstFailingLineWithItsCode() throws {
        let (t, code) = try runScript(bytes("# comment\n\nlead new A\nbogus\nlead new B\n"))
        #expect(code == 2)
        #expect(t.err.text == "line 4: unknown command 'bogus'. Type 'help' for the list of commands\n")
        #expect(try t.store.leads().map(\.org) == ["A"])
    }

    @Test func keepGoingRunsEveryLineAndReturnsTheFirstFailure() throws {
        let (t, code) = try runScript(bytes("use L9\nlead new A\nlead new\nlead new B"), keepGoing: true)
        #expect(code == 1)
        #expect(t.err.text.hasPrefix("line 1: no lead L9"))
        #expect(t.err.text.contains("line 3: 'lead new' is missing an argument"))
        #expect(try t.store.leads().map(\.org) == ["A", "B"])
        #expect(t.out.text == "L1\nL2\n")
    }

    @Test func invalidUTF8IsRefusedWithItsLineNumber() throws {
        let (t, code) = try runScript(bytes("lead new A\n") + [0x6C, 0x65, 0x61, 0x64, 0x20, 0xC3, 0x28, 0x0A] + bytes("lead new B\n"), keepGoing: true)
        #expect(code == 2)
        #expect(t.err.text == "line 2: the line is not valid UTF-8\n")
        #expect(try t.store.leads().map(\.org) == ["A", "B"])
    }

    @Test func nulBytesAreRefused() throws {
        let (t, code) = try runScript(bytes("lead new A") + [0] + bytes("B\n"))
        #expect(code == 2)
        #expect(t.err.text == "line 1: the line contains a NUL byte\n")
        #expect(try t.store.leads().isEmpty)
    }

    @Test func aTenMegabyteLineIsRefusedCleanly() throws {
        let huge = "lead new '" + String(repeating: "x", count: 10 * 1024 * 1024) + "'\nlead new Small\n"
        let (t, code) = try runScript(bytes(huge), keepGoing: true)
        #expect(code == 2)
        #expect(t.err.text == "line 1: the line is too long (10485771 bytes; at most 1048576)\n")
        #expect(try t.store.leads().map(\.org) == ["Small"])
    }

    @Test func aLongButAcceptableLineGetsAFieldError() throws {
        let long = "lead new '" + String(repeating: "é", count: 100_000) + "'\n"
        let (t, code) = try runScript(bytes(long))
        #expect(code == 1)
        #expect(t.err.text == "line 1: organisation name is too long (100000 characters; at most 500)\n")
        #expect(try t.store.leads().isEmpty)
    }

    @Test func utf8NamesRoundTrip() throws {
        let (t, code) = try runScript(bytes("lead new 'Hôpital Saint-Éloi' --region FR-IDF\nlead list\n"))
        #expect(code == 0)
        #expect(try t.store.leads().map(\.org) == ["Hôpital Saint-Éloi"])
        #expect(t.out.text.contains("Hôpital Saint-Éloi"))
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let (t, code) = try runScript(bytes("lead new A\r\nlead new B\r\n"))
        #expect(code == 0)
        #expect(try t.store.leads().map(\.org) == ["A", "B"])
    }
}
