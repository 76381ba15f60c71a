import Testing
@testable import DiscoveryCore

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("nwe", ["new", "list", "show"], "new"),
        ("--nme", ["--name", "--type"], "--name"),
        ("disq", ["disqualified", "nurture"], "disqualified"),
        ("statsu", ["status", "stage"], "status"),
    ])
    func suggestsTheClosest(token: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: token, in: candidates) == expected)
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(Suggestion.closest(to: "banana", in: ["lead", "contact"]) == nil)
        #expect(Suggestion.hint(for: "banana", in: ["lead"]) == "")
    }
}
