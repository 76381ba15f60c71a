import DiscoveryCore
import DiscoveryShell
import Testing

/// Random command lines through the tokenizer, the command registry and the option parser:
/// every line either parses or fails with a `DiscoveryError` that says what was wrong, and
/// whatever splits into words splits the same way again once those words are quoted back.
@Suite struct CommandFuzzTests {
    static let seeds: [String] = CommandRegistry.all.map(\.spec.example) + [
        #"contact add -- "-Dash Name" --role champion"#, #"lead new 'Mercy \'Regional' --beds 300"#,
        #"lead list --status=mql --search "St. Mary's""#, "next set demo --note \"Walk\\\"through\" --due 2026-03-04",
        "lead set L7 region 'us-west'\t--", "\"\"", "''", "\\", "help lead new",
    ]
    static let tokens = ["'", "\"", "\\", " ", "\t", "--", "--status", "=", "lead", "new", "list", "set", "contact",
                         "next", "--json", "L7", "é", "\u{0}", "😀", "--note", "--due", "\u{301}", "-"]

    @Test func corpusAndRandomLinesNeverTrap() throws {
        let run = FuzzRun(target: "command", defaultIterations: 20_000)
        var mutator = Mutator(seed: run.seed, tokens: Self.tokens)
        let seeds = Self.seeds.map { Array($0.utf8) } + FuzzRun.corpus("command")
        var executions = 0
        for input in seeds {
            run.willRun(input)
            try Self.check(input)
            executions += 1
        }
        for _ in 0..<run.iterations {
            let input = mutator.mutate(seeds[mutator.below(seeds.count)], limit: 512)
            run.willRun(input)
            try Self.check(input)
            executions += 1
        }
        run.finish(executions: executions)
        #expect(executions == seeds.count + run.iterations)
    }

    /// `'word'`, each `'` written as `'\''`, scalar by scalar (a combining mark after a quote
    /// must not hide it).
    static func quoted(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("'")
        for scalar in word.unicodeScalars {
            if scalar == "'" { out.append(contentsOf: #"'\''"#.unicodeScalars) } else { out.append(scalar) }
        }
        out.append("'")
        return String(out)
    }

    static func check(_ bytes: [UInt8]) throws {
        let line = String(decoding: bytes, as: UTF8.self)
        _ = Tokenizer.partial(line)
        let words: [String]
        do {
            words = try Tokenizer.split(line)
        } catch {
            #expect(error.kind == .usage && !error.message.isEmpty, "tokenizer: \(error.message) for \(line.debugDescription)")
            return
        }
        let requoted = words.map(quoted).joined(separator: " ")
        #expect(try Tokenizer.split(requoted) == words, "words of \(line.debugDescription) do not survive quoting")
        guard !words.isEmpty else { return }
        do {
            let (command, rest) = try CommandRegistry.match(words)
            _ = try Invocation.parse(rest, spec: command.spec)
        } catch {
            #expect(!error.message.isEmpty && error.exitCode != 0, "empty error for \(line.debugDescription)")
        }
    }
}
