import Testing
@testable import DiscoveryShell

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("lead new Acme", ["lead", "new", "Acme"]),
        ("lead new 'Mercy Regional'", ["lead", "new", "Mercy Regional"]),
        (#"lead new "St. \"Luke\"""#, ["lead", "new", #"St. "Luke""#]),
        (#"a\ b c"#, ["a b", "c"]),
        ("  spaced   out  ", ["spaced", "out"]),
        (#"x '' y"#, ["x", "", "y"]),
        ("tab\tseparated", ["tab", "separated"]),
        ("Hôpital Saint-Éloi", ["Hôpital", "Saint-Éloi"]),
    ])
    func splitsLikeAPosixShell(line: String, words: [String]) throws {
        #expect(try Tokenizer.split(line) == words)
    }

    @Test func partialLinesGiveTheWordUnderTheCursor() {
        #expect(Tokenizer.partial("lead ne") == (["lead"], "ne"))
        #expect(Tokenizer.partial("lead ") == (["lead"], ""))
        #expect(Tokenizer.partial("use 'Mercy Re") == (["use"], "Mercy Re"))
    }
}
