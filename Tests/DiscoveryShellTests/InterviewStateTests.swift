import DiscoveryCore
import Testing
@testable import DiscoveryShell

/// The interview's state transitions, without reading or writing anything.
@Suite struct InterviewStateTests {
    static let questions = TestCatalog.timeline.questions
    let window = questions[0], date = questions[1], budget = questions[2], amount = questions[3]

    @Test func startsAtTheFirstUnansweredApplicableQuestion() {
        var s = InterviewState(questions: Self.questions, answers: ["timeline.evaluation-window": .choice("exploring")])
        #expect(s.current == budget)
        #expect(s.progress(of: budget) == (position: 2, total: 2))
        s.answered(budget, with: .yesNo(true))
        // The follow-up appears as soon as its condition holds.
        #expect(s.current == amount)
        #expect(s.progress(of: amount) == (position: 3, total: 3))
        s.answered(amount, with: .number(10))
        #expect(s.current == nil)
        #expect(s.openCount == 0)
    }

    @Test func skippedQuestionsAreLeftForTheNextInterview() {
        var s = InterviewState(questions: Self.questions, answers: [:])
        s.skip(window)
        #expect(s.current == budget)
        s.skip(budget)
        #expect(s.current == nil)
        #expect(s.skippedCount == 2)
        #expect(s.openCount == 2)
        let next = InterviewState(questions: Self.questions, answers: s.answers)
        #expect(next.current == window)
    }

    @Test func backWalksTheHistoryAndForwardAgain() {
        var s = InterviewState(questions: Self.questions, answers: [:])
        #expect(goBack(&s) == false)
        s.answered(window, with: .choice("this-quarter"))
        s.answered(date, with: .date("2026-04-15"))
        #expect(s.current == budget)
        #expect(goBack(&s))
        #expect(s.current == date && s.isRevisiting)
        #expect(goBack(&s))
        #expect(s.current == window)
        #expect(goBack(&s) == false)
        s.skip(window)                       // Enter keeps the answer: on to the date again
        #expect(s.current == date && s.isRevisiting)
        #expect(s.skippedCount == 0)
        s.skip(date)
        #expect(s.current == budget && !s.isRevisiting)
    }

    @Test func backSkipsQuestionsThatNoLongerApply() {
        var s = InterviewState(questions: Self.questions, answers: [:])
        s.answered(window, with: .choice("this-quarter"))
        s.answered(date, with: .date("2026-04-15"))
        #expect(goBack(&s))
        #expect(goBack(&s))
        s.answered(window, with: .choice("exploring"))
        // The date no longer applies: the revision goes on to the first new question.
        #expect(s.current == budget && !s.isRevisiting)
        #expect(goBack(&s))
        #expect(s.current == window)
    }

    /// `/back`, outside `#expect` (which cannot call a mutating method).
    func goBack(_ s: inout InterviewState) -> Bool { s.back() }
}
