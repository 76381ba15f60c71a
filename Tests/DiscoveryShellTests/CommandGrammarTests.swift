import DiscoveryCore
import Testing
@testable import DiscoveryShell

/// Every registered command: a missing argument and one argument too many are usage errors
/// (exit 2) that quote the usage, and `help COMMAND` documents it with an example.
@Suite struct CommandGrammarTests {
    static let names = CommandRegistry.all.map(\.spec.name)

    static func spec(_ name: String) -> CommandSpec {
        CommandRegistry.all.first { $0.spec.name == name }!.spec
    }

    @Test(arguments: names)
    func missingArgumentIsAUsageError(_ name: String) throws {
        let spec = Self.spec(name)
        guard spec.minArguments > 0 else { return }
        let t = try TestShell()
        let words = Array(repeating: "x", count: spec.minArguments - 1)
        let r = t.output(([name] + words).joined(separator: " "))
        #expect(r.code == 2, "\(name)")
        #expect(r.err.contains("missing an argument"), "\(name): \(r.err)")
        #expect(r.err.contains(spec.usage), "\(name): \(r.err)")
    }

    @Test(arguments: names)
    func oneArgumentTooManyIsAUsageError(_ name: String) throws {
        let spec = Self.spec(name)
        guard let max = spec.maxArguments else { return }
        let t = try TestShell()
        let words = (0...max).map { "extra\($0)" }
        let r = t.output(([name] + words).joined(separator: " "))
        #expect(r.code == 2, "\(name)")
        #expect(r.err.contains("takes at most \(max)"), "\(name): \(r.err)")
        #expect(r.err.contains("'extra\(max)'"), "\(name): \(r.err)")
    }

    @Test(arguments: names)
    func helpDocumentsTheCommand(_ name: String) throws {
        let spec = Self.spec(name)
        let t = try TestShell()
        let r = t.output("help \(name)")
        #expect(r.code == 0)
        #expect(r.out.contains("usage: \(spec.usage)"))
        #expect(r.out.contains("example: "))
        #expect(spec.example.hasPrefix(spec.path[0]), "\(name)'s example should start with the command")
        let list = t.output("help")
        #expect(list.out.contains(spec.summary))
    }

    @Test func unknownOptionsAndCommandsSuggestTheClosest() throws {
        let t = try TestShell()
        t.run("lead new Acme")
        #expect(t.output("contact add Bob --rol champion").err.contains("Did you mean '--role'?"))
        #expect(t.output("hlep").err.contains("Did you mean 'help'?"))
        #expect(t.output("lead").code == 2)
    }

    @Test func quotingFollowsThePosixShell() throws {
        let t = try TestShell()
        t.run("lead new Acme")
        #expect(t.output(#"contact add --role champion -- "-Dash Name""#).code == 0)
        #expect(try t.store.contacts(lead: 1).map(\.name) == ["-Dash Name"])
        #expect(t.output(#"contact add 'O'\''Brien, Pat'"#).code == 0)
        #expect(try t.store.contacts(lead: 1).map(\.name).contains("O'Brien, Pat"))
        let open = t.output(#"lead new "unterminated"#)
        #expect(open.code == 2)
        #expect(open.err.contains("unterminated double quote"))
    }
}
