import DiscoveryCore
import Testing

/// One protocol gives every fixed list its parsing, its "Did you mean" and its words.
@Suite struct FixedListValueTests {
    /// Every fixed list of the core, as its words and a parser that answers with the word back.
    static let lists: [(name: String, words: [String], parse: @Sendable (String) throws -> String)] = [
        ("stage", Stage.words, { try Stage.parse($0).rawValue }),
        ("reason code", ReasonCode.words, { try ReasonCode.parse($0).rawValue }),
        ("outcome", CallOutcome.words, { try CallOutcome.parse($0).rawValue }),
        ("action", NextAction.words, { try NextAction.parse($0).rawValue }),
        ("role", ContactRole.words, { try ContactRole.parse($0).rawValue }),
        ("consent", Consent.words, { try Consent.parse($0).rawValue }),
        ("type", QuestionType.words, { try QuestionType.parse($0).rawValue }),
    ]

    @Test(arguments: lists.map(\.name))
    func everyWordParsesInAnyLetterCase(_ name: String) throws {
        let list = try #require(Self.lists.first { $0.name == name })
        #expect(!list.words.isEmpty)
        for word in list.words {
            #expect(try list.parse(word) == word)
            #expect(try list.parse(word.uppercased()) == word)
        }
    }

    @Test func anUnknownWordIsQuotedWithTheClosestAndTheList() {
        #expect(throws: DiscoveryError.failed("unknown stage 'sqll'. Did you mean 'sql'? Stages: new, mql, sal, sql, opportunity, nurture, disqualified, closed-lost")) {
            try Stage.parse("sqll")
        }
        #expect(throws: DiscoveryError.failed("unknown action 'zzz'. Actions: \(NextAction.words.joined(separator: ", "))")) {
            try NextAction.parse("zzz")
        }
    }

    @Test func reasonCodesHaveOneWording() {
        let message = ReasonCode.unknownMessage("no-budgte")
        #expect(message == "unknown reason code 'no-budgte'. Did you mean 'no-budget'? Reason codes: \(ReasonCode.words.joined(separator: ", "))")
    }

    @Test func consentKeepsItsShortMessage() {
        #expect(throws: DiscoveryError.failed("invalid consent 'maybe': use yes, no or unknown")) { try Consent.parse("maybe") }
    }

    @Test func choicesCanBeNarrowedAndRetitled() {
        #expect(ReasonCode.choices(for: "no-budgte", among: ["no-budget", "other"], heading: "Codes")
            == " Did you mean 'no-budget'? Codes: no-budget, other")
        #expect(Stage(word: "SQL") == .sql)
        #expect(Stage(word: "sq") == nil)
    }

    /// A list of its own: aliases and a usage error (exit 2) instead of a failed command.
    enum Shape: String, FixedListValue {
        case round, square
        static let valueName = "shape"
        static let listName = "Shapes"
        static let aliases: [String: Shape] = ["circle": .round]
        static var unknownKind: DiscoveryError.Kind { .usage }
    }

    @Test func aliasesAndTheErrorKindAreTheTypesOwn() throws {
        #expect(try Shape.parse("Circle") == .round)
        #expect(Shape.words == ["round", "square"])
        #expect(throws: DiscoveryError.usage("unknown shape 'sqare'. Did you mean 'square'? Shapes: round, square")) {
            try Shape.parse("sqare")
        }
    }
}
