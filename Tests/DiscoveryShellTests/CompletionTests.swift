import DiscoveryCore
import DiscoveryStore
import LineEditor
import Testing
@testable import DiscoveryShell

/// Tab completion: the candidates for the word being typed, and the edit Tab makes.
@Suite struct CompletionTests {
    /// A catalog with one set whose questions cover choice, yes-no and multi answers.
    static let catalog = Catalog(
        sets: [QuestionSet(id: "timeline", title: "Timeline", questions: [
            Question(id: "evaluation-window", setId: "timeline", ask: "When?", type: .choice,
                     choices: [Choice(id: "this-quarter", label: "This quarter"),
                               Choice(id: "next-two-quarters", label: "Next two quarters"),
                               Choice(id: "exploring", label: "Exploring")]),
            Question(id: "budget-approved", setId: "timeline", ask: "Budget?", type: .yesNo),
            Question(id: "areas", setId: "timeline", ask: "Areas?", type: .multi,
                     choices: [Choice(id: "ortho", label: "Ortho"), Choice(id: "onco", label: "Onco"),
                               Choice(id: "cardio", label: "Cardio")]),
            Question(id: "notes", setId: "timeline", ask: "Notes?", type: .text),
        ])],
        profiles: TestCatalog.minimal.profiles,
        signals: [SignalDefinition(id: "demo-request", label: "Demo"), SignalDefinition(id: "webinar-attended", label: "Webinar")])

    /// A shell with three leads (L3 current) and two contacts on L1 and one on L2.
    static func shell() throws -> TestShell {
        let t = try TestShell(catalog: catalog)
        for line in ["lead new 'Mercy Regional'", "contact add 'Dr. Ana Ruiz'", "contact add 'Bob Stone'",
                     "lead new 'Mercy West Clinic'", "contact add 'Carla Diaz'",
                     "lead new 'Hôpital Saint-Éloi'", "use L1"] {
            #expect(t.run(line) == 0, "set-up line failed: \(line)")
        }
        return t
    }

    static let commandLines: [(String, [String])] = [
        ("le", ["lead"]),
        ("lead ", ["new", "list", "show", "set", "delete"]),
        ("lead s", ["show", "set"]),
        ("LEAD N", []),
        ("con", ["contact"]),
        ("help le", ["lead"]),
        ("help lead s", ["show", "set"]),
        ("nosuch ", []),
        ("lead new X --pro", ["--profile"]),
        ("lead new X --type hospital --t", []),
        ("lead new X --consent ", ["yes", "no", "unknown"]),
        ("lead new X --consent=u", ["--consent=unknown"]),
        ("lead new X --profile c", ["capital-equipment", "consumables"]),
        ("lead new X -- --", []),
        ("lead list --status s", ["sal", "sql"]),
        ("contact add X --role e", ["economic-buyer", "end-user"]),
        ("use Mer", ["Mercy Regional", "Mercy West Clinic"]),
        ("use mercy w", []),
        ("use \"Mercy W", ["Mercy West Clinic"]),
        ("use hôp", ["Hôpital Saint-Éloi"]),
        ("use L", ["L1", "L2", "L3"]),
        ("use 2", ["2"]),
        ("use Zed", []),
        ("use L1 ", []),
        ("lead delete L1 --y", ["--yes"]),
        ("lead set L2 ", ["org", "type", "specialty", "region", "beds", "source", "profile", "consent", "owner", "website"]),
        ("lead set re", ["region"]),
        ("lead set M", ["Mercy Regional", "Mercy West Clinic"]),
        ("lead set region ", []),
        ("contact set ", ["Dr. Ana Ruiz", "Bob Stone"]),
        ("contact set --lead L2 ", ["Carla Diaz"]),
        ("contact set --lead=L2 C", ["Carla Diaz"]),
        ("contact set 'Dr. Ana Ruiz' r", ["role"]),
        ("contact set 'Dr. Ana Ruiz' role x ", []),
        ("answer timeline.e", ["timeline.evaluation-window"]),
        ("answer timeline.evaluation-window ", ["this-quarter", "next-two-quarters", "exploring"]),
        ("answer timeline.areas ortho,c", ["ortho,cardio"]),
        ("stage L1 clo", ["closed-lost"]),
        ("stage sql --reason no-b", ["no-budget"]),
        ("call L2 voice", ["voicemail"]),
        ("call --contact ", ["Dr. Ana Ruiz", "Bob Stone"]),
        ("report s", ["sla", "scores"]),
        ("signal add d", ["demo-request"]),
        ("next set L1 tech", ["technical-review"]),
        ("next ", ["set", "done", "Mercy Regional", "Mercy West Clinic", "Hôpital Saint-Éloi"]),
        ("ask t", ["timeline"]),
    ]

    @Test(arguments: commandLines)
    func candidatesFollowTheCommandGrammar(line: String, expected: [String]) throws {
        let t = try Self.shell()
        #expect(Completer(session: t.session).candidates(line) == expected)
    }

    @Test func anEmptyLineOffersEveryCommand() throws {
        let t = try Self.shell()
        #expect(Completer(session: t.session).candidates("") == CommandRegistry.topLevelNames)
        #expect(CommandRegistry.topLevelNames.contains("lead"))
    }

    static let kinds: [(CompletionKind, String, [String])] = [
        (.values(Stage.self), "", Stage.allCases.map(\.rawValue)),
        (.values(Stage.self), "clo", ["closed-lost"]),
        (.values(ReasonCode.self), "no-", ["no-budget", "no-response", "no-consent", "no-path-to-committee"]),
        (.values(CallOutcome.self), "n", ["no-answer", "not-interested"]),
        (.values(NextAction.self), "re", ["request-end-customer-info", "request-consent"]),
        (.values(ContactRole.self), "", ContactRole.allCases.map(\.rawValue)),
        (.values(Consent.self), "", ["yes", "no", "unknown"]),
        (.signal, "", ["demo-request", "webinar-attended"]),
        (.profile, "s", ["service-software"]),
        (.values(LeadField.self), "o", ["org", "owner"]),
        (.values(ContactField.self), "", ["name", "title", "role", "email", "phone", "consent"]),
        (.values(ReportKind.self), "s", ["sla", "scores"]),
        (.values(HandoffFormat.self), "", ["md", "json"]),
        (.values(HandoffFormat.self), "m", ["md"]),
        (.set, "t", ["timeline"]),
        (.question, "timeline.b", ["timeline.budget-approved"]),
        (.question, "", ["timeline.evaluation-window", "timeline.budget-approved", "timeline.areas", "timeline.notes"]),
        (.words(["alpha", "beta"]), "a", ["alpha"]),
        (.none, "", []),
        (.contact, "B", ["Bob Stone"]),
        (.lead, "L3", ["L3"]),
    ]

    @Test(arguments: kinds)
    func eachKindOffersItsWords(kind: CompletionKind, typed: String, expected: [String]) throws {
        let t = try Self.shell()
        let spec = CommandSpec(["probe"], usage: "probe X", summary: "", example: "", group: .shell,
                               arguments: 0...1, completing: [kind])
        let words = Completer(session: t.session).words(for: spec, rest: [], current: typed)
        #expect(Completer.filter(words, by: typed) == expected)
    }

    static let answers: [([String], String, [String])] = [
        (["timeline.evaluation-window"], "", ["this-quarter", "next-two-quarters", "exploring"]),
        (["timeline.evaluation-window"], "ne", ["next-two-quarters"]),
        (["timeline.budget-approved"], "", ["yes", "no"]),
        (["timeline.areas"], "ortho,", ["ortho,onco", "ortho,cardio"]),
        (["timeline.areas"], "ortho,c", ["ortho,cardio"]),
        (["timeline.notes"], "", []),
        (["timeline.nope"], "", []),
        (["L1", "timeline.budget-approved"], "y", ["yes"]),
    ]

    /// `answer QUESTION <Tab>` offers the choices of the question named before.
    @Test(arguments: answers)
    func answerValuesComeFromTheQuestionNamedBefore(rest: [String], typed: String, expected: [String]) throws {
        let t = try Self.shell()
        let spec = CommandSpec(["answer"], usage: "answer [LEAD] QUESTION VALUE", summary: "", example: "", group: .discovery,
                               arguments: 2...3, completing: [.question, .none])
        let completer = Completer(session: t.session)
        #expect(Completer.filter(completer.words(for: spec, rest: rest, current: typed), by: typed) == expected)
    }

    /// An optional leading lead (`stage [LEAD] STAGE`): both leads and the next kind are offered
    /// first; a word that is not a lead moves on to the next position.
    @Test func anOptionalLeadSlotOffersLeadsAndTheNextKind() throws {
        let t = try Self.shell()
        let spec = CommandSpec(["stage"], usage: "stage [LEAD] STAGE [--reason CODE]", summary: "", example: "",
                               group: .verdicts, arguments: 1...2,
                               options: [OptionSpec("--reason", "CODE", completion: .values(ReasonCode.self))],
                               completing: [.lead, .values(Stage.self)])
        let c = Completer(session: t.session)
        #expect(Completer.filter(c.words(for: spec, rest: [], current: "s"), by: "s") == ["sal", "sql"])
        #expect(Completer.filter(c.words(for: spec, rest: [], current: "Mercy R"), by: "Mercy R") == ["Mercy Regional"])
        #expect(Completer.filter(c.words(for: spec, rest: ["L2"], current: "n"), by: "n") == ["new", "nurture"])
        #expect(c.words(for: spec, rest: ["sql"], current: "") == [])
        #expect(Completer.filter(c.words(for: spec, rest: ["sql", "--reason"], current: "ot"), by: "ot") == ["other"])
    }

    static let interview: [(String, [String])] = [
        ("", ["this-quarter", "next-two-quarters", "/back", "/why", "/note", "/stop"]),
        ("th", ["this-quarter"]),
        ("/", ["/back", "/why", "/note", "/stop"]),
        ("this-quarter,n", ["this-quarter,next-two-quarters"]),
        ("/note te", []),
    ]

    /// Inside an interview Tab completes the answer words, not commands.
    @Test(arguments: interview)
    func interviewWordsReplaceCommands(line: String, expected: [String]) throws {
        let t = try Self.shell()
        t.session.interviewCompletions = ["this-quarter", "next-two-quarters", "/back", "/why", "/note", "/stop"]
        #expect(Completer(session: t.session).candidates(line) == expected)
    }

    static let edits: [(String, CompletionEdit)] = [
        ("le", CompletionEdit(deleteCount: 2, insert: "lead ")),
        ("lead sh", CompletionEdit(deleteCount: 2, insert: "show ")),
        ("lead s", CompletionEdit(candidates: ["show", "set"])),
        ("use Mer", CompletionEdit(deleteCount: 3, insert: "\"Mercy ", candidates: ["Mercy Regional", "Mercy West Clinic"])),
        ("use \"Mercy W", CompletionEdit(deleteCount: 8, insert: "\"Mercy West Clinic\" ")),
        ("use 'Mercy W", CompletionEdit(deleteCount: 8, insert: "'Mercy West Clinic' ")),
        ("use mercy", CompletionEdit(deleteCount: 5, insert: "\"Mercy ", candidates: ["Mercy Regional", "Mercy West Clinic"])),
        ("use hôp", CompletionEdit(deleteCount: 3, insert: "\"Hôpital Saint-Éloi\" ")),
        ("contact set B", CompletionEdit(deleteCount: 1, insert: "\"Bob Stone\" ")),
        ("lead new X --consent=y", CompletionEdit(deleteCount: 11, insert: "--consent=yes ")),
        ("use Zed", .none),
        ("use L1 ", .none),
    ]

    @Test(arguments: edits)
    func tabReplacesTheTypedWord(line: String, expected: CompletionEdit) throws {
        let t = try Self.shell()
        #expect(Completer(session: t.session).edit(line) == expected)
    }

    /// When a list of names is cut short, Tab only lists: a prefix common to the sample may
    /// not be common to every match.
    @Test func aTruncatedListInsertsNothing() throws {
        let t = try Self.shell()
        let edit = Completer(session: t.session, limit: 1).edit("use Mer")
        #expect(edit.changesNothing)
        #expect(edit.candidates == ["Mercy Regional", "..."])
        #expect(Completer(session: t.session, limit: 2).edit("use Mer").changesNothing)
        #expect(Completer(session: t.session, limit: 3).edit("use Mer").insert == "\"Mercy ")
    }

    /// Digits complete from a bounded query: the ids starting with them, at most the limit
    /// (then marked as a sample), never every lead.
    @Test func leadIdsAreCompletedFromTheTypedDigitsAndBounded() throws {
        let t = try TestShell(catalog: Self.catalog)
        for i in 1...130 { #expect(t.run("lead new 'Org \(i)'") == 0) }
        let c = Completer(session: t.session, limit: 8)
        #expect(c.candidates("use 12") == ["12", "120", "121", "122", "123", "124", "125", "126"])
        #expect(c.truncation.happened)
        let wide = Completer(session: t.session, limit: 50)
        #expect(wide.candidates("use L13") == ["L13", "L130"])
        #expect(!wide.truncation.happened)
        #expect(wide.candidates("use 1").count == 1 + 10 + 31)
        #expect(Completer(session: t.session, limit: 8).edit("use 12").changesNothing)
        #expect(Completer(session: t.session, limit: 8).edit("use 130").insert == "130 ")
    }

    static let quoting: [(String, Character?, Bool, String)] = [
        ("plain", nil, true, "plain"),
        ("two words", nil, true, "\"two words\""),
        ("two words", nil, false, "\"two words"),
        ("two words", "'", true, "'two words'"),
        ("it's", "'", true, "\"it's\""),
        ("say \"hi\"", nil, true, "\"say \\\"hi\\\"\""),
        ("back\\slash", nil, true, "\"back\\\\slash\""),
    ]

    /// Whatever Tab inserts reads back as the same word.
    @Test(arguments: quoting)
    func quotedWordsTokenizeBack(word: String, style: Character?, closed: Bool, expected: String) throws {
        let text = Completer.quoted(word, style: style, closed: closed)
        #expect(text == expected)
        if closed { #expect(try Tokenizer.split(text) == [word]) }
    }

    @Test func typedWordKeepsItsQuotes() {
        #expect(Tokenizer.typedCurrentWord("use \"Mercy W") == "\"Mercy W")
        #expect(Tokenizer.typedCurrentWord("use Mer") == "Mer")
        #expect(Tokenizer.typedCurrentWord("use ") == "")
        #expect(Tokenizer.typedCurrentWord("a b\\ c") == "b\\ c")
        #expect(Tokenizer.typedCurrentWord("") == "")
    }
}
