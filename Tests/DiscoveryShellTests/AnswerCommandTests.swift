import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct AnswerCommandTests {
    func shell() throws -> TestShell {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new 'Mercy Regional'")
        return t
    }

    @Test func answerRecordsOneRevisionAndNamesTheFollowUps() throws {
        let t = try shell()
        let r = t.output("answer timeline.evaluation-window 1")
        #expect(r.code == 0)
        #expect(r.out == """
            L1 timeline.evaluation-window: this-quarter — Within this quarter
            follow-up now applies: timeline.target-date — Is there a planned review date?

            """)
        #expect(t.output("answer budget-approved no").out == "L1 timeline.budget-approved: no\n")
        #expect(t.output("answer L1 committee.process Value analysis, then the board").out
                == "L1 committee.process: Value analysis, then the board\n")
        #expect(try t.store.answersInForce(lead: 1) == [
            "timeline.evaluation-window": .choice("this-quarter"), "timeline.budget-approved": .yesNo(false),
            "committee.process": .text("Value analysis, then the board"),
        ])
    }

    @Test(arguments: [
        ("answer timeline.evalution-window 1", 1,
         "error: unknown question 'timeline.evalution-window'. Did you mean 'timeline.evaluation-window'? Questions are named set.question, e.g. timeline.evaluation-window\n"),
        ("answer L1 timline.target-date 2026-01-01", 1,
         "error: unknown question 'timline.target-date'. Did you mean 'timeline.target-date'? Questions are named set.question, e.g. timeline.evaluation-window\n"),
        ("answer timeline.target-date 2026-04-15", 1,
         "error: timeline.target-date does not apply yet: it is asked when timeline.evaluation-window is this-quarter or next-two-quarters (now timeline.evaluation-window is unanswered)\n"),
        ("answer timeline.evaluation-window maybe", 1,
         "error: 'maybe' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring.\n"),
        ("answer timeline.budget-approved", 2,
         "error: 'answer' needs a value for timeline.budget-approved. Usage: answer [LEAD] QUESTION VALUE [--note TEXT] | answer [LEAD] QUESTION --note TEXT | answer [LEAD] QUESTION --clear\n"),
        ("answer timeline.budget-approved --clear", 1, "error: L1 timeline.budget-approved is not answered; nothing to clear\n"),
        ("answer", 2, "error: 'answer' is missing an argument. Usage: answer [LEAD] QUESTION VALUE [--note TEXT] | answer [LEAD] QUESTION --note TEXT | answer [LEAD] QUESTION --clear\n"),
    ])
    func answerErrors(line: String, code: Int32, message: String) throws {
        let t = try shell()
        let r = t.output(line)
        #expect(r.code == code)
        #expect(r.err == message)
        #expect(try t.store.answersInForce(lead: 1).isEmpty)
    }

    @Test func notApplicableNamesTheCurrentAnswer() throws {
        let t = try shell()
        t.run("answer timeline.evaluation-window exploring")
        #expect(t.output("answer timeline.target-date 2026-04-15").err
                == "error: timeline.target-date does not apply yet: it is asked when timeline.evaluation-window is this-quarter or next-two-quarters (now timeline.evaluation-window is exploring)\n")
    }

    @Test func undoRestoresThePreviousAnswer() throws {
        let t = try shell()
        t.run("answer timeline.evaluation-window exploring")
        t.run("answer timeline.evaluation-window next")
        let undo = t.output("undo")
        #expect(undo.out == "Undid change 3 on L1:\n  answer timeline.evaluation-window restored to exploring\n")
        #expect(try t.store.answersInForce(lead: 1) == ["timeline.evaluation-window": .choice("exploring")])
    }

    @Test func clearRetractsAndNoteAloneAnnotates() throws {
        let t = try shell()
        t.run("answer timeline.budget-approved yes")
        #expect(t.output("answer timeline.budget-approved --note 'Board minutes, Feb'").out == "L1 timeline.budget-approved: note saved\n")
        #expect(t.output("answer timeline.budget-approved --clear").out == "L1 timeline.budget-approved: cleared\n")
        #expect(try t.store.answersInForce(lead: 1).isEmpty)
        let history = t.output("answers --history timeline.budget-approved")
        #expect(history.out == """
            L1 timeline.budget-approved — Is budget approved?
              2026-03-02T09:00:00Z  rep  -  = yes
              2026-03-02T09:00:00Z  rep  -  note: Board minutes, Feb
              2026-03-02T09:00:00Z  rep  -  (retracted)

            """)
    }

    @Test func contactsAnswerFillsTheStakeholderMap() throws {
        let t = try shell()
        t.run("contact add 'Ana Ruiz' --title CFO")
        let r = t.output("answer committee.approvers 'ana ruiz (economic-buyer), Ben Ode (technical), Cy'")
        #expect(r.out == "L1 committee.approvers: Ana Ruiz, Ben Ode, Cy (in the stakeholder map)\n")
        let contacts = try t.store.contacts(lead: 1)
        #expect(contacts.map(\.name) == ["Ana Ruiz", "Ben Ode", "Cy"])
        #expect(contacts.map(\.role) == [.economicBuyer, .technical, nil])
        #expect(contacts.first?.title == "CFO")
    }

    @Test func answersAreGroupedBySetWithTheQuestionText() throws {
        let t = try shell()
        #expect(t.output("answers").out == "L1 has no answers yet: 'ask' walks through the questions.\n")
        t.run("answer committee.departments 1,4")
        t.run("answer timeline.evaluation-window this-quarter --note 'Capital committee meets in March'")
        t.run("answer timeline.target-date 2026-03-20")
        #expect(t.output("answers").out == """
            timeline — Timeline and urgency
              evaluation-window  Is there a target timeline for evaluation or procurement?
                = this-quarter — Within this quarter
                note: Capital committee meets in March
              target-date  Is there a planned review date?
                = 2026-03-20
            committee — Buying committee
              departments  Which departments take part?
                = clinical, it

            """)
        #expect(t.output("answers committee").out == """
            committee — Buying committee
              departments  Which departments take part?
                = clinical, it

            """)
        // A follow-up whose condition no longer holds is shown as such, not hidden.
        t.run("answer timeline.evaluation-window exploring")
        #expect(t.output("answers timeline").out.contains("    = 2026-03-20  (no longer applies)\n"))
        #expect(t.output("answers nosuchset L1").code == 1)
        #expect(t.output("answers L1 timelin").err == "error: unknown question set 'timelin'. Did you mean 'timeline'? Sets: timeline, committee\n")
    }

    @Test func answersJSONHasPlainValues() throws {
        let t = try shell()
        t.run("answer committee.departments 1,4")
        t.run("answer timeline.budget-approved y")
        t.run("answer timeline.budget-amount 1500.5")
        let json = t.output("answers --json").out
        struct Output: Decodable {
            struct Item: Decodable { let question: String; let value: AnyValue; let applies: Bool; let actor: String }
            let lead: String
            let answers: [Item]
        }
        let decoded = try JSONDecoder().decode(Output.self, from: Data(json.utf8))
        #expect(decoded.lead == "L1")
        #expect(decoded.answers.map(\.question) == ["timeline.budget-approved", "timeline.budget-amount", "committee.departments"])
        #expect(decoded.answers.map(\.value) == [.bool(true), .number(1500.5), .strings(["clinical", "it"])])
        #expect(json.contains("\"answered_at\" : \"2026-03-02T09:00:00Z\""))
    }

    @Test func historyListsEveryRevisionWithTheCall() throws {
        let t = try shell()
        t.run("answer timeline.evaluation-window exploring")
        #expect(t.output("call start").code == 0)
        t.run("answer timeline.evaluation-window this-quarter")
        let r = t.output("answers --history evaluation-window")
        #expect(r.out == """
            L1 timeline.evaluation-window — Is there a target timeline for evaluation or procurement?
              2026-03-02T09:00:00Z  rep  -        = exploring — Just exploring, no plan
              2026-03-02T09:00:00Z  rep  call #1  = this-quarter — Within this quarter

            """)
        #expect(t.output("answers --history timeline.target-date").out
                == "L1 timeline.target-date — Is there a planned review date?\n  never answered\n")
        #expect(t.output("answers --history timeline.nope").code == 1)
        let json = t.output("answers --history timeline.evaluation-window --json").out
        #expect(json.contains("\"call_id\" : 1"))
    }

    @Test func signalsAreValidatedRecordedAndListed() throws {
        let t = try shell()
        let bad = t.output("signal add demo-reqest")
        #expect(bad.code == 1)
        #expect(bad.err == "error: unknown signal kind 'demo-reqest'. Did you mean 'demo-request'? Kinds: demo-request, webinar-attended, unsubscribe\n")
        #expect(t.output("signal list").out == "L1 has no signals yet: record one with 'signal add KIND'.\n")
        #expect(t.output("signal add demo-request --note 'Robotics page form'").out
                == "L1: demo-request (Requested a demo) +50 intent, high priority\n")
        #expect(t.output("signal add L1 unsubscribe").out == "L1: unsubscribe (Unsubscribed) -20 intent\n")
        #expect(t.output("signal list").out == """
            AT                    KIND          POINTS      BY   NOTE
            2026-03-02T09:00:00Z  demo-request  +50 intent  rep  Robotics page form
            2026-03-02T09:00:00Z  unsubscribe   -20 intent  rep  -

            """)
        #expect(t.output("undo").out == "Undid change 3 on L1:\n  removed signal #2\n")
        #expect(try t.store.signals(lead: 1).map(\.kind) == ["demo-request"])
        #expect(t.output("signal add").code == 2)
        #expect(t.output("signal add L9 demo-request").err == "error: no lead L9. 'lead list' shows the leads there are\n")
    }
}

/// A JSON value of the shapes `answers --json` uses.
enum AnyValue: Decodable, Equatable {
    case string(String), strings([String]), bool(Bool), number(Double)
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .strings(try c.decode([String].self)) }
    }
}
