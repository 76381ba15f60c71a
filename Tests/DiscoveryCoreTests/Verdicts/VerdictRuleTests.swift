import DiscoveryCore
import Foundation
import Testing

/// Every verdict rule of SPEC §7, one row per situation, with plain values (no database).
@Suite struct VerdictRuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let record: QualificationRecord
        let kind: VerdictKind
        let missing: [String]
        var stops: [ReasonCode] = []
        var flags: [String] = []
        var testDescription: String { name }
    }

    static let q = Fixture.qualified
    static let rows: [Row] = [
        Row(name: "nothing known", record: Fixture.record(), kind: .notYet,
            missing: ["need", "decision-path", "evidence", "timeline", "eligibility", "next-step"]),
        Row(name: "every gate met, fit 30", record: Fixture.record(q, nextStep: Fixture.openStep), kind: .sqlReady, missing: []),
        Row(name: "no next step", record: Fixture.record(q), kind: .notYet, missing: ["next-step"]),
        Row(name: "next step without owner", record: Fixture.record(q, nextStep: {
            var s = Fixture.openStep; s.owner = nil; return s }()), kind: .notYet, missing: ["next-step"]),
        Row(name: "next step done", record: Fixture.record(q, nextStep: {
            var s = Fixture.openStep; s.doneAt = Fixture.now; return s }()), kind: .notYet, missing: ["next-step"]),
        Row(name: "fit below sql.min-fit though every gate is met",
            record: Fixture.record(q.with("fit.specialty", .choice("cardio")).with("fit.org-type", .choice("distributor"))
                .with("fit.end-customers", .choice("named")), nextStep: Fixture.openStep),
            kind: .notYet, missing: []),
        Row(name: "hard stop on a choice beats every gate", record: Fixture.record(q.with("need.budget", .choice("none")),
            nextStep: Fixture.openStep), kind: .disqualify, missing: [], stops: [.noBudget]),
        Row(name: "hard stop on a yes-no question: yes", record: Fixture.record(q.with("fit.existing-customer", .yesNo(true)),
            nextStep: Fixture.openStep), kind: .disqualify, missing: [], stops: [.alreadyCustomer]),
        Row(name: "yes-no answered no stops nothing", record: Fixture.record(q.with("fit.existing-customer", .yesNo(false)),
            nextStep: Fixture.openStep), kind: .sqlReady, missing: []),
        Row(name: "wrong specialty", record: Fixture.record(["fit.specialty": .choice("dental")]), kind: .disqualify,
            missing: ["need", "decision-path", "evidence", "timeline", "eligibility", "next-step"], stops: [.wrongSpecialty]),
        Row(name: "fit without timing → nurture",
            record: Fixture.record(q.with("timeline.evaluation-window", .choice("exploring")).with("timeline.target-date", nil)),
            kind: .nurture, missing: ["timeline", "next-step"], flags: ["no-timeline"]),
        Row(name: "no timing and too little fit → not-yet",
            record: Fixture.record(["fit.specialty": .choice("ortho"), "timeline.evaluation-window": .choice("exploring")]),
            kind: .notYet, missing: ["need", "decision-path", "evidence", "timeline", "eligibility", "next-step"], flags: ["no-timeline"]),
        Row(name: "an applicable follow-up carrying the gate must be answered too",
            record: Fixture.record(q.with("timeline.target-date", nil), nextStep: Fixture.openStep), kind: .notYet, missing: ["timeline"]),
        Row(name: "a choice without the gate does not satisfy it",
            record: Fixture.record(q.with("evidence.requirements", .choice("unknown")), nextStep: Fixture.openStep),
            kind: .notYet, missing: ["evidence"]),
        Row(name: "healthtech: security-review gate unanswered",
            record: Fixture.record(q, profile: "healthtech", nextStep: Fixture.openStep), kind: .notYet, missing: ["security-review"]),
        Row(name: "healthtech: security-review answered no",
            record: Fixture.record(q.with("compliance.security-approved", .yesNo(false)), profile: "healthtech", nextStep: Fixture.openStep),
            kind: .notYet, missing: ["security-review"]),
        Row(name: "healthtech: security-review answered yes",
            record: Fixture.record(q.with("compliance.security-approved", .yesNo(true)), profile: "healthtech", nextStep: Fixture.openStep),
            kind: .sqlReady, missing: []),
    ]

    @Test(arguments: rows)
    func verdictFollowsTheRules(_ row: Row) {
        let v = Fixture.verdict(row.record)
        #expect(v.kind == row.kind)
        #expect(v.missingGates == row.missing)
        #expect(v.hardStopReasons == row.stops)
        #expect(v.flagNames == row.flags)
    }

    @Test func scoresAreSeparateAndTraced() {
        let v = Fixture.verdict(Fixture.record(Fixture.qualified.with("need.urgency", .choice("urgent")),
                                               signals: ["webinar-attended"]))
        #expect(v.scores == ScoreDelta(fit: 30, intent: 25, readiness: 25))
        let fitLines = v.trace.filter { $0.kind == .fit }
        #expect(fitLines.map(\.points) == [20, 10])
        #expect(fitLines.first?.source == .choice(question: "fit.specialty", ask: "fit specialty?", choice: "ortho", label: "Orthopedics"))
        #expect(v.trace.contains { $0.kind == .readiness && $0.points == 5
            && $0.source == .answer(question: "need.problem", ask: "need problem?", value: "OR turnover") })
        #expect(v.bands[.intent] == .mid)
    }

    @Test func theSameRecordIsAnMQLForConsumablesAt40AndNotForCapitalEquipmentAt75() {
        // fit 30 (ortho + hospital), intent 15 (a webinar): total 45.
        let answers: [String: AnswerValue] = ["fit.specialty": .choice("ortho"), "fit.org-type": .choice("hospital")]
        let consumables = Fixture.verdict(Fixture.record(answers, profile: "consumables", signals: ["webinar-attended"]))
        let capital = Fixture.verdict(Fixture.record(answers, profile: "capital-equipment", signals: ["webinar-attended"]))
        #expect(consumables.scores == capital.scores)
        #expect(consumables.mql)
        #expect(!capital.mql)
        #expect(capital.mqlReason.contains("45 is below the MQL total 75"))
    }

    @Test func aHighPrioritySignalMakesAnMQLByItselfButNotWithoutFit() {
        let fit30: [String: AnswerValue] = ["fit.specialty": .choice("ortho"), "fit.org-type": .choice("hospital")]
        // intent 50 − 20 = 30: total 60 < 75, yet the demo request is a direct request.
        let v = Fixture.verdict(Fixture.record(fit30, signals: ["demo-request", "unsubscribe"]))
        #expect(v.scores.intent == 30)
        #expect(v.mql)
        #expect(v.mqlReason.contains("high-priority signal demo-request"))
        let lowFit = Fixture.verdict(Fixture.record(["fit.specialty": .choice("ortho")], signals: ["demo-request"]))
        #expect(!lowFit.mql)
    }

    @Test func unknownSignalKindsGiveNoPoints() {
        let v = Fixture.verdict(Fixture.record(signals: ["no-such-kind", "content-download"]))
        #expect(v.scores.intent == 10)
    }

    @Test(arguments: [(119, 0), (120, -10), (151, -20), (89, 0)])
    func inactivityCostsTenPerFullMonthPast90Days(days: Int, points: Int) {
        let r = Fixture.record(createdAt: Fixture.now - Double(days) * Fixture.day)
        let v = Fixture.verdict(r)
        #expect(v.scores.intent == points)
        #expect(v.trace.filter { if case .inactivity = $0.source { return true } else { return false } }.count == (points == 0 ? 0 : 1))
    }

    @Test func monthsLoggedByHandAreNotCountedTwiceAndAreNotActivity() {
        // 151 days: two full months past 90; one was logged as a signal an hour ago.
        let r = Fixture.record(signals: ["inactive-90-days"], createdAt: Fixture.now - 151 * Fixture.day)
        let v = Fixture.verdict(r)
        #expect(v.scores.intent == -20)
        #expect(v.trace.map(\.points) == [-10, -10])
        #expect(v.trace.last?.source.description == "no activity for 151 days, since 2025-10-02 (2 full months past 90 days, 1 already logged as a signal)")
        // An unsubscribe is not activity either; a webinar is.
        #expect(Fixture.verdict(Fixture.record(signals: ["unsubscribe"], createdAt: Fixture.now - 151 * Fixture.day)).scores.intent == -40)
        #expect(Fixture.verdict(Fixture.record(signals: ["webinar-attended"], createdAt: Fixture.now - 151 * Fixture.day)).scores.intent == 15)
    }

    @Test func recentActivityResetsTheInactivityClock() {
        var r = Fixture.record(createdAt: Fixture.now - 200 * Fixture.day)
        r.lastAnswerAt = Fixture.now - 10 * Fixture.day
        #expect(Fixture.verdict(r).scores.intent == 0)
    }

    @Test func answersOfInapplicableFollowUpsHaveNoEffect() {
        // The end-customer follow-up applies to distributors only.
        let r = Fixture.record(["fit.org-type": .choice("hospital"), "fit.end-customers": .choice("none")])
        #expect(Fixture.verdict(r).flagNames.isEmpty)
        let d = Fixture.record(["fit.org-type": .choice("distributor"), "fit.end-customers": .choice("none")])
        #expect(Fixture.verdict(d).flagNames == ["no-end-customer"])
    }

    @Test func aGateNoApplicableQuestionCarriesIsNotMet() {
        var p = Fixture.capital
        p.sql.gates = ["need", "reimbursement"]
        let v = VerdictEngine.evaluate(Fixture.record(Fixture.qualified), catalog: Fixture.catalog, profile: p, now: Fixture.now)
        #expect(v.missingGates == ["reimbursement"])
        #expect(v.gates.last?.gaps == [.noApplicableQuestion])
    }
}
