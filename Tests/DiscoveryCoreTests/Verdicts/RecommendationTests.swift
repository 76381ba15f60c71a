import DiscoveryCore
import Foundation
import Testing

/// The next-step rules: each action with the facts behind it, owner and due date.
@Suite struct RecommendationTests {
    static let q = Fixture.qualified
    static let procurement: [(String, ContactRole?, Consent)] = [("Pat Buyer", .procurement, .yes)]

    func actions(_ r: QualificationRecord) -> [NextAction] { Fixture.recommendations(r).map(\.action) }

    @Test func aHardStopBeatsADemoRequest() {
        let r = Fixture.record(Self.q.with("need.budget", .choice("none")), signals: ["demo-request"],
                               contacts: Self.procurement, nextStep: Fixture.openStep)
        let v = Fixture.verdict(r)
        #expect(v.kind == .disqualify)
        #expect(v.mql)   // the request still counts as intent; the verdict ignores it
        let recs = Fixture.recommendations(r)
        #expect(recs.map(\.action) == [.disqualify])
        #expect(recs[0].reason == .noBudget)
        #expect(recs[0].because == ["hard stop no-budget: need.budget \"need budget?\" = none (No budget)"])
    }

    @Test(arguments: [Stage.disqualified, .closedLost])
    func aClosedLeadGetsNoStepEvenWhenReady(stage: Stage) {
        var r = Fixture.record(Self.q, signals: ["demo-request"], contacts: Self.procurement, nextStep: Fixture.openStep)
        #expect(actions(r) == [.demo])
        r.lead.stage = stage
        r.lead.stageReason = .noBudget
        #expect(Fixture.recommendations(r).isEmpty)
        r.lead.stage = .nurture
        #expect(actions(r) == [.demo])
    }

    @Test func gatesMetAndHighIntentGiveADemo() {
        let r = Fixture.record(Self.q, signals: ["demo-request"], contacts: Self.procurement, nextStep: Fixture.openStep)
        let recs = Fixture.recommendations(r)
        #expect(recs.map(\.action) == [.demo])
        #expect(recs[0].because.contains("+50 intent: signal demo-request (Requested a demo) on 2026-03-02"))
        #expect(recs[0].owner == "owner-ana")
        #expect(Dates.day(recs[0].due) == "2026-03-04")
    }

    @Test func noProcurementContactAddsAProcurementIntroToTheDemo() {
        let r = Fixture.record(Self.q, signals: ["demo-request"], contacts: [("Dr. Ruiz", .clinicalLeader, .yes)])
        let recs = Fixture.recommendations(r)
        #expect(recs.map(\.action) == [.demo, .procurementIntro])
        #expect(recs[1].because == ["no contact with the procurement role in the decision path (roles named: clinical-leader)"])
    }

    @Test(arguments: [
        ("technical", NextAction.technicalReview),
        ("requirements", .evidenceReview),
    ])
    func noProcurementContactKeepsTheReviewAsTheMainStep(question: String, main: NextAction) {
        let r = Fixture.record(Self.q.with("evidence.\(question)", .choice("open")), signals: ["demo-request"],
                               contacts: [("Dr. Ruiz", .clinicalLeader, .yes)])
        #expect(actions(r) == [main, .procurementIntro])
    }

    @Test func procurementAlreadyEngagedGivesNoProcurementIntro() {
        let engaged = Self.q.with("committee.procurement-engaged", .yesNo(true))
        let r = Fixture.record(engaged, signals: ["demo-request"], contacts: [("Dr. Ruiz", .clinicalLeader, .yes)])
        #expect(actions(r) == [.demo])
        let notYet = Self.q.with("committee.procurement-engaged", .yesNo(false))
        #expect(actions(Fixture.record(notYet, signals: ["demo-request"])) == [.demo, .procurementIntro])
    }

    @Test func openTechnicalOrEvidenceQuestionsGiveReviews() {
        let answers = Self.q.with("evidence.requirements", .choice("open")).with("evidence.technical", .choice("open"))
        let r = Fixture.record(answers, signals: ["demo-request"], contacts: Self.procurement)
        #expect(actions(r) == [.technicalReview, .evidenceReview])
        let because = Fixture.recommendations(r)[0].because
        #expect(because == ["technical-open: evidence.technical \"evidence technical?\" = open (Open questions)"])
    }

    @Test func anOpenEvidenceRequestDoesNotHoldBackAnEvidenceReview() {
        // The bundled sets raise evidence-open on a choice that does not satisfy the evidence gate.
        var catalog = Fixture.catalog
        catalog.sets[3].questions[0].choices[1].gate = nil
        let r = Fixture.record(Self.q.with("evidence.requirements", .choice("open")), signals: ["demo-request"],
                               contacts: Self.procurement)
        let v = VerdictEngine.evaluate(r, catalog: catalog, profile: Fixture.capital, now: Fixture.now)
        #expect(v.missingGates == ["evidence", "next-step"])
        let recs = Recommendations.make(v, record: r, profile: Fixture.capital, user: "me", now: Fixture.now)
        #expect(recs.map(\.action) == [.evidenceReview])
    }

    @Test func anUnmetSecurityGateGivesASecurityReview() {
        let r = Fixture.record(Self.q, profile: "healthtech", signals: ["demo-request"], contacts: Self.procurement)
        #expect(actions(r) == [.securityReview])
        let met = Fixture.record(Self.q.with("compliance.security-approved", .yesNo(true)), profile: "healthtech",
                                 signals: ["demo-request"], contacts: Self.procurement)
        #expect(actions(met) == [.demo])
    }

    @Test func consentNoMeansNoOutreachAtAll() {
        let r = Fixture.record(Self.q, consent: .no, signals: ["demo-request"], contacts: Self.procurement)
        let recs = Fixture.recommendations(r)
        #expect(recs.map(\.action) == [.disqualify])
        #expect(recs[0].reason == .noConsent)
        #expect(!recs.contains { $0.action.isOutreach })
    }

    @Test func consentUnknownAsksForConsentFirst() {
        let r = Fixture.record(Self.q, consent: .unknown, signals: ["demo-request"], contacts: Self.procurement)
        #expect(actions(r) == [.requestConsent, .demo])
    }

    @Test func aContactWithoutConsentIsNamedOnOutreachSteps() {
        let r = Fixture.record(Self.q, signals: ["demo-request"],
                               contacts: Self.procurement + [("Dr. No", .champion, .no)])
        #expect(Fixture.recommendations(r)[0].because.last == "do not contact Dr. No (champion): consent is no")
    }

    @Test func fitWithoutTimingIsNurtured() {
        let r = Fixture.record(Self.q.with("timeline.evaluation-window", .choice("exploring")), signals: ["demo-request"])
        let recs = Fixture.recommendations(r)
        #expect(recs.map(\.action) == [.nurture])
        #expect(recs[0].because.first == "no-timeline: timeline.evaluation-window \"timeline evaluation-window?\" = exploring (Just exploring)")
    }

    @Test func aDistributorWithoutEndCustomersIsAskedForThem() {
        let r = Fixture.record(["fit.specialty": .choice("ortho"), "fit.org-type": .choice("distributor"),
                                "fit.end-customers": .choice("none")], type: "distributor")
        #expect(actions(r).first == .requestEndCustomerInfo)
    }

    @Test func missingFitIsVerifiedAndMissingGatesGetAFollowUp() {
        let recs = Fixture.recommendations(Fixture.record(["need.problem": .text("backlog")]))
        #expect(recs.map(\.action) == [.verifyFit, .scheduleFollowUp])
        #expect(recs[0].because.first == "fit 0 is below the SQL minimum 30")
        #expect(recs[0].because.contains("unanswered: fit.specialty \"fit specialty?\""))
        #expect(recs[1].because.first == "missing gates: decision-path, evidence, timeline, eligibility")
    }

    @Test func theOwnerIsTheLeadsOwnerElseTheUser() {
        var r = Fixture.record()
        r.lead.owner = nil
        #expect(Fixture.recommendations(r, user: "sam").allSatisfy { $0.owner == "sam" })
    }

    @Test func dueDatesSkipTheWeekend() {
        let friday = Fixture.now - 3 * Fixture.day
        #expect(Dates.day(BusinessDays.add(2, to: friday)) == "2026-03-03")
        #expect(Dates.day(BusinessDays.add(1, to: friday + Fixture.day)) == "2026-03-02")
    }
}
