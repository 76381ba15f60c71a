import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
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

    /// The options a usage string shows, each with the word after it (`nil` for a flag): a
    /// bracketed `[--json]` takes none; `--history QUESTION` takes `QUESTION`.
    static func shownOptions(_ usage: String) -> [(name: String, value: String?)] {
        let words = usage.split(separator: " ").map(String.init)
        var shown: [(name: String, value: String?)] = []
        for (i, word) in words.enumerated() where word.trimmingCharacters(in: ["["]).hasPrefix("--") {
            let name = word.trimmingCharacters(in: ["[", "]"])
            let next = i + 1 < words.count ? words[i + 1] : nil
            let takesValue = !word.hasSuffix("]") && next.map { $0 != "|" && !$0.hasPrefix("[") && !$0.hasPrefix("--") } == true
            shown.append((name, takesValue ? next!.trimmingCharacters(in: ["]"]) : nil))
        }
        return shown
    }

    @Test(arguments: names)
    func usageShowsExactlyTheOptionsTheCommandTakes(_ name: String) throws {
        let spec = Self.spec(name)
        let shown = Self.shownOptions(spec.usage)
        #expect(Set(shown.map(\.name)) == Set(spec.options.map(\.name)), "\(name): usage '\(spec.usage)'")
        let t = try TestShell()
        for (option, value) in shown {
            guard let declared = spec.option(named: option) else { continue }
            guard let declaredValue = declared.value else {
                #expect(value == nil, "\(name): \(option) is a flag, the usage gives it '\(value ?? "")'")
                continue
            }
            guard let value else {
                Issue.record("\(name): \(option) takes \(declaredValue), the usage shows none")
                continue
            }
            if value.contains("|") {
                // `--consent yes|no|unknown`: exactly the words Tab offers there.
                let offered = Completer(session: t.session).candidates("\(name) \(option) ")
                #expect(value.split(separator: "|").map(String.init) == offered, "\(name): \(option)")
            } else {
                #expect(value == declaredValue, "\(name): usage shows \(option) \(value), the option takes \(declaredValue)")
            }
        }
    }

    @Test func theUsageReaderSeesFlagsValuesAndAlternatives() {
        let shown = Self.shownOptions("answers [LEAD] [--json] | answers [LEAD] --history QUESTION [--json] [--a yes|no]")
        #expect(shown.map(\.name) == ["--json", "--history", "--json", "--a"])
        #expect(shown.map(\.value) == [nil, "QUESTION", nil, "yes|no"])
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
