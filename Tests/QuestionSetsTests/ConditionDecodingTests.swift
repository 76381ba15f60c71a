import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

/// `when` conditions: how each form is written in YAML, what it decodes to, and when it holds.
@Suite struct ConditionDecodingTests {
    /// A set with a follow-up `target` whose `when` is `condition`, next to the questions it refers to.
    static func setText(when condition: String) -> String {
        """
        set: t
        title: T
        questions:
          - id: window
            ask: Window?
            type: choice
            choices:
              - { id: this-quarter, label: This quarter }
              - { id: next-two-quarters, label: Next two quarters }
              - { id: exploring, label: Exploring }
          - id: budget
            ask: Budget?
            type: yes-no
          - id: areas
            ask: Areas?
            type: multi
            choices:
              - { id: "no", label: Norway }
              - { id: "0123", label: Code 0123 }
          - id: notes
            ask: Notes?
            type: text
          - id: target
            ask: Target?
            type: date
            when: \(condition)

        """
    }

    static func decode(_ condition: String) throws -> (Condition?, [String]) {
        let folder = try LintFixture.folder(with: ["t.yaml": setText(when: condition)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = CatalogLoader.lint(directory: folder)
        return (report.catalog.question("t.target")?.when, LintFixture.lines(report, in: folder))
    }

    @Test(arguments: [
        ("{ question: t.window, in: [this-quarter, next-two-quarters] }",
         Condition.answerIn(question: "t.window", values: ["this-quarter", "next-two-quarters"])),
        ("{ question: window, in: exploring }", .answerIn(question: "t.window", values: ["exploring"])),
        ("{ question: t.budget, in: [yes] }", .answerIn(question: "t.budget", values: ["yes"])),
        ("{ question: t.areas, in: [no, 0123] }", .answerIn(question: "t.areas", values: ["no", "0123"])),
        ("{ question: t.notes, answered: true }", .answered(question: "t.notes", true)),
        ("{ question: t.notes, answered: false }", .answered(question: "t.notes", false)),
        ("{ all: [{ question: t.window, in: [this-quarter] }, { question: t.budget, in: [yes] }] }",
         .all([.answerIn(question: "t.window", values: ["this-quarter"]), .answerIn(question: "t.budget", values: ["yes"])])),
        ("{ any: [{ question: t.window, in: [exploring] }, { not: { question: t.notes, answered: true } }] }",
         .any([.answerIn(question: "t.window", values: ["exploring"]), .not(.answered(question: "t.notes", true))])),
    ])
    func validConditionsDecode(yaml: String, expected: Condition) throws {
        let (condition, errors) = try Self.decode(yaml)
        #expect(errors == [])
        #expect(condition == expected)
    }

    @Test(arguments: [
        ("{ question: t.window }", "t.yaml:26: 'when' of 't.target' names question 't.window' but says nothing about it: add 'in: [choice, ...]' or 'answered: true'"),
        ("{ question: t.window, in: [soon] }", "t.yaml:26: 'when' of 't.target' lists 'soon', which is not a choice of 't.window'. Choices: this-quarter, next-two-quarters, exploring"),
        ("{ question: t.budget, in: [maybe] }", "t.yaml:26: 'when' of 't.target' lists 'maybe', which is not a choice of 't.budget'. Choices: yes, no"),
        ("{ question: t.notes, in: [x] }", "t.yaml:26: 'when' of 't.target' uses 'in' on 't.notes', a 'text' question: use 'answered: true' (only choice, multi and yes-no answers can be listed)"),
        ("{ question: t.target, answered: true }", "t.yaml:26: 'when' of 't.target' refers to the question itself: a follow-up depends on another question"),
        ("{ question: t.window, in: [exploring], all: [] }", "t.yaml:26: 'when' of 't.target' mixes 'all' and 'question': write one condition per mapping and combine them with 'all' or 'any'"),
        ("{ questoin: t.window, in: [exploring] }", "t.yaml:26: unknown key 'questoin' in 'when' of 't.target'. Did you mean 'question'? Allowed keys: question, in, answered, all, any, not"),
        ("{ any: [] }", "t.yaml:26: 'any' in 'when' of 't.target' is empty: list at least one condition"),
        ("{ question: t.notes, answered: perhaps }", "t.yaml:26: 'answered' of 'when' of 't.target' must be true or false, not 'perhaps'"),
        ("{ question: a.b.c, answered: true }", "t.yaml:26: 'when' of 't.target' refers to 'a.b.c': write 'set.question' (e.g. 'fit.org-type') or a question id of the same set"),
    ])
    func invalidConditionsAreReported(yaml: String, expected: String) throws {
        let (_, errors) = try Self.decode(yaml)
        #expect(errors.filter { !$0.contains("unknown key") || expected.contains("unknown key") }.prefix(1) == [expected])
    }

    @Test func circularFollowUpsAreReported() throws {
        let text = """
            set: c
            title: C
            questions:
              - id: a
                ask: A?
                type: text
                when: { question: c.b, answered: true }
              - id: b
                ask: B?
                type: text
                when: { question: c.a, answered: true }

            """
        let folder = try LintFixture.folder(with: ["c.yaml": text])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = LintFixture.lines(CatalogLoader.lint(directory: folder), in: folder)
        #expect(lines == ["c.yaml:7: 'when' conditions go round in a circle (c.a → c.b → c.a): none of these questions could ever be asked"])
    }

    /// The bundled follow-ups, evaluated on answers as they arrive.
    @Test(arguments: [
        ("fit.end-customers", [:], false),
        ("fit.end-customers", ["fit.org-type": AnswerValue.choice("hospital")], false),
        ("fit.end-customers", ["fit.org-type": .choice("distributor")], true),
        ("timeline.target-date", ["timeline.evaluation-window": .choice("this-quarter")], true),
        ("timeline.target-date", ["timeline.evaluation-window": .choice("next-two-quarters")], true),
        ("timeline.target-date", ["timeline.evaluation-window": .choice("exploring")], false),
        ("committee.committee-date", ["committee.decision-path": .choice("process-described")], true),
        ("committee.committee-date", ["committee.decision-path": .choice("approver-named")], false),
        ("compliance.baa", ["compliance.patient-data": .yesNo(true)], true),
        ("compliance.baa", ["compliance.patient-data": .yesNo(false)], false),
        ("compliance.baa", [:], false),
    ])
    func bundledFollowUpsApplyAsAnswersArrive(question: String, answers: [String: AnswerValue], applies: Bool) throws {
        let catalog = CatalogLoader.lint(directory: LintFixture.bundledFolder).catalog
        let q = try #require(catalog.question(question))
        #expect(q.isApplicable(given: answers) == applies)
    }
}
