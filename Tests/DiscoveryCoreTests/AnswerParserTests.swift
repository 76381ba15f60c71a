import DiscoveryCore
import Testing

@Suite struct AnswerParserTests {
    static let window = Question(id: "evaluation-window", setId: "timeline", ask: "When?", type: .choice, choices: [
        Choice(id: "this-quarter", label: "Within this quarter"),
        Choice(id: "next-two-quarters", label: "In the next two quarters"),
        Choice(id: "exploring", label: "Just exploring"),
    ])
    static let systems = Question(id: "systems", setId: "systems", ask: "Which systems?", type: .multi, choices: [
        Choice(id: "ehr", label: "EHR"), Choice(id: "pacs", label: "PACS"),
        Choice(id: "lis", label: "Lab system"), Choice(id: "erp", label: "ERP"),
    ])
    static func q(_ type: QuestionType) -> Question {
        Question(id: "q", setId: "s", ask: "?", type: type)
    }

    @Test(arguments: [
        ("1", "this-quarter"), ("3", "exploring"), ("exploring", "exploring"), ("EXPLORING", "exploring"),
        ("next", "next-two-quarters"), ("t", "this-quarter"), ("  2  ", "next-two-quarters"), ("this-q", "this-quarter"),
    ])
    func choiceByNumberIdOrUniquePrefix(input: String, expected: String) throws {
        #expect(try AnswerParser.parse(input, for: Self.window).value == .choice(expected))
    }

    @Test(arguments: [
        ("maybe", "'maybe' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring."),
        ("0", "'0' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring."),
        ("4", "'4' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring."),
        ("exploing", "'exploing' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring. Did you mean 'exploring'?"),
        ("-1", "'-1' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring."),
    ])
    func choiceErrorsListTheValidChoices(input: String, message: String) {
        #expect(throws: DiscoveryError.failed(message)) { try AnswerParser.parse(input, for: Self.window) }
    }

    @Test func ambiguousPrefixNamesTheCandidates() {
        let q = Question(id: "x", setId: "s", ask: "?", type: .choice, choices: [
            Choice(id: "next-month", label: "a"), Choice(id: "next-year", label: "b"),
        ])
        #expect(throws: DiscoveryError.failed("'next' matches several choices of s.x: next-month, next-year; type more of it")) {
            try AnswerParser.parse("next", for: q)
        }
    }

    @Test(arguments: [
        ("1,2", ["ehr", "pacs"]), ("ehr, pacs", ["ehr", "pacs"]), ("pacs ehr", ["pacs", "ehr"]),
        ("4,1,4", ["erp", "ehr"]), ("l", ["lis"]), ("EHR,,3", ["ehr", "lis"]),
    ])
    func multiTakesSeveral(input: String, expected: [String]) throws {
        #expect(try AnswerParser.parse(input, for: Self.systems).value == .multi(expected))
    }

    @Test func multiRejectsAnUnknownMember() {
        #expect(throws: DiscoveryError.failed("'fax' is not a choice of systems.systems: 1 ehr, 2 pacs, 3 lis, 4 erp.")) {
            try AnswerParser.parse("ehr, fax", for: Self.systems)
        }
        #expect(throws: DiscoveryError.failed("empty answer for systems.systems")) {
            try AnswerParser.parse(" , ", for: Self.systems)
        }
    }

    @Test(arguments: [("yes", true), ("Y", true), ("no", false), ("n", false), ("NO", false)])
    func yesNo(input: String, expected: Bool) throws {
        #expect(try AnswerParser.parse(input, for: Self.q(.yesNo)).value == .yesNo(expected))
    }

    @Test(arguments: ["maybe", "yess", "1", "true"])
    func yesNoRejectsOtherWords(input: String) {
        #expect(throws: DiscoveryError.failed("s.q takes yes or no (y/n), not '\(input)'")) {
            try AnswerParser.parse(input, for: Self.q(.yesNo))
        }
    }

    @Test(arguments: [("320", 320.0), ("-4", -4), ("12.5", 12.5), ("+7", 7), ("1e3", 1000), (".5", 0.5), ("0", 0)])
    func numbers(input: String, expected: Double) throws {
        #expect(try AnswerParser.parse(input, for: Self.q(.number)).value == .number(expected))
    }

    @Test(arguments: ["nan", "NaN", "inf", "-infinity", "1e999", "0x10", "12abc", "1,200", "-", ".", "e5", "twelve"])
    func numbersRejectNonFiniteAndMalformed(input: String) {
        #expect(throws: DiscoveryError.failed("s.q takes a number such as 320 or 12.5, not '\(input)'")) {
            try AnswerParser.parse(input, for: Self.q(.number))
        }
    }

    @Test(arguments: ["2026-04-15", "2024-02-29", "2026-12-31"])
    func dates(input: String) throws {
        #expect(try AnswerParser.parse(input, for: Self.q(.date)).value == .date(input))
    }

    @Test(arguments: ["2026-4-15", "15/04/2026", "tomorrow", "2026-04-15T10:00"])
    func datesAreStrict(input: String) {
        #expect(throws: DiscoveryError.failed("s.q takes a date as YYYY-MM-DD (e.g. 2026-04-15), not '\(input)'")) {
            try AnswerParser.parse(input, for: Self.q(.date))
        }
    }

    @Test(arguments: [
        ("2026-02-30", "2026-02-30 does not exist: February 2026 has 28 days"),
        ("2025-02-29", "2025-02-29 does not exist: February 2025 has 28 days"),
        ("2026-13-01", "2026-13-01 does not exist: there is no month 13"),
    ])
    func aDayOutsideTheCalendarIsSaidNotToExist(input: String, why: String) {
        #expect(throws: DiscoveryError.failed("s.q: \(why)")) {
            try AnswerParser.parse(input, for: Self.q(.date))
        }
    }

    @Test(arguments: [
        ("Ana Ruiz (champion), Ben Ode (technical)",
         [NamedPerson(name: "Ana Ruiz", role: .champion), NamedPerson(name: "Ben Ode", role: .technical)]),
        ("Dr. Lee", [NamedPerson(name: "Dr. Lee")]),
        ("Ruiz, Ana (Economic-Buyer); Ode, Ben", [NamedPerson(name: "Ruiz, Ana", role: .economicBuyer), NamedPerson(name: "Ode, Ben")]),
        ("Ana (champion), ana (economic-buyer)", [NamedPerson(name: "Ana", role: .economicBuyer)]),
        ("Kim ( ), Zoë Åberg (end-user)", [NamedPerson(name: "Kim"), NamedPerson(name: "Zoë Åberg", role: .endUser)]),
        // A title after the role; the comma inside the parentheses does not part two people.
        ("Ana Ruiz (economic-buyer, CFO), Ben Ode (technical, Director, Clinical Engineering)",
         [NamedPerson(name: "Ana Ruiz", role: .economicBuyer, title: "CFO"),
          NamedPerson(name: "Ben Ode", role: .technical, title: "Director, Clinical Engineering")]),
        ("Dr. Kim (, Chief of Cardiology)", [NamedPerson(name: "Dr. Kim", title: "Chief of Cardiology")]),
        ("Ruiz, Ana (champion, VP; Cardiology); Ode, Ben",
         [NamedPerson(name: "Ruiz, Ana", role: .champion, title: "VP; Cardiology"), NamedPerson(name: "Ode, Ben")]),
    ])
    func contacts(input: String, expected: [NamedPerson]) throws {
        let parsed = try AnswerParser.parse(input, for: Self.q(.contacts))
        #expect(parsed.people == expected)
        #expect(parsed.value == .contacts(expected.map(\.name)))
    }

    @Test func contactsErrors() {
        #expect(throws: DiscoveryError.failed("unknown role 'champoin' in the answer to s.q. Did you mean 'champion'? Roles: champion, economic-buyer, clinical-leader, technical, procurement, security, end-user, influencer; a title goes after the role: Ana (role, champoin)")) {
            try AnswerParser.parse("Ana (champoin)", for: Self.q(.contacts))
        }
        for bad in ["Ana (champion", "(champion)", "Ana (a) (b)", "Ana) x"] {
            #expect(throws: DiscoveryError.failed("cannot read '\(bad)' in the answer to s.q: write people as Name (role, Title), Name (role)")) {
                try AnswerParser.parse(bad, for: Self.q(.contacts))
            }
        }
    }

    @Test func textKeepsWhatWasTypedButNotControlCharacters() throws {
        #expect(try AnswerParser.parse("  Staff re-enter vitals by hand ", for: Self.q(.text)).value == .text("Staff re-enter vitals by hand"))
        #expect(throws: DiscoveryError.failed("the answer to s.q contains a control character")) {
            try AnswerParser.parse("a\u{1B}[31mb", for: Self.q(.text))
        }
        #expect(throws: DiscoveryError.failed("empty answer for s.q")) { try AnswerParser.parse("   ", for: Self.q(.text)) }
        let longest = String(repeating: "é", count: AnswerParser.maxLength)
        #expect(try AnswerParser.parse(longest, for: Self.q(.text)).value == .text(longest))
        #expect(throws: DiscoveryError.failed("the answer to s.q is too long (2001 characters; at most 2000)")) {
            try AnswerParser.parse(longest + "x", for: Self.q(.text))
        }
    }
}
