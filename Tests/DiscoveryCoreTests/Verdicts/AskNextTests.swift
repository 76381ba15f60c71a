import DiscoveryCore
import Testing

/// `ask_next`: questions that can change the verdict first, fit questions as verification steps.
@Suite struct AskNextTests {
    @Test func decisiveQuestionsComeBeforePointsOnlyQuestions() {
        let v = Fixture.verdict(Fixture.record())
        let ids = v.askNext.map(\.question)
        #expect(Set(ids) == ["fit.specialty", "fit.org-type", "fit.existing-customer", "need.problem", "need.urgency",
                             "need.budget", "committee.approver", "committee.procurement-engaged", "evidence.requirements", "evidence.technical",
                             "timeline.evaluation-window"])
        // need.urgency only adds intent: it is asked after everything that can close a gate or stop.
        let urgency = ids.firstIndex(of: "need.urgency") ?? -1
        for decisive in ["fit.specialty", "need.budget", "timeline.evaluation-window", "committee.approver"] {
            #expect((ids.firstIndex(of: decisive) ?? 99) < urgency)
        }
        #expect(v.askNext.first { $0.question == "fit.specialty" }?.reasons
                == ["can close gate eligibility", "can trigger hard stop wrong-specialty", "verify fit: up to +20 fit"])
        #expect(v.askNext.first { $0.question == "fit.org-type" }?.isVerification == true)
        #expect(v.askNext.first { $0.question == "need.problem" }?.isVerification == false)
    }

    @Test func withoutRankingQuestionsOnlyAskNextIsLeftOut() {
        let r = Fixture.record(["timeline.evaluation-window": .choice("this-quarter")], signals: ["demo-request"])
        let full = Fixture.verdict(r)
        var quick = VerdictEngine.evaluate(r, catalog: Fixture.catalog, profile: Fixture.capital, now: Fixture.now,
                                           rankingQuestions: false)
        #expect(quick.askNext.isEmpty && !full.askNext.isEmpty)
        quick.askNext = full.askNext
        #expect(quick == full)
    }

    @Test func answeredAndInapplicableQuestionsAreNotAsked() {
        let v = Fixture.verdict(Fixture.record(["timeline.evaluation-window": .choice("this-quarter")]))
        let ids = v.askNext.map(\.question)
        #expect(!ids.contains("timeline.evaluation-window"))
        #expect(ids.contains("timeline.target-date"))
        #expect(!ids.contains("fit.end-customers"))
    }

    @Test func aQuestionClosingTwoGatesComesFirst() {
        // The specialty question can close eligibility and trigger a stop: two decisive effects.
        let v = Fixture.verdict(Fixture.record())
        #expect(v.askNext.first?.question == "fit.specialty")
    }
}
