import DiscoveryCore
import Foundation
import Testing

/// Re-qualification triggers (SPEC §11) as a table: which stage, which event, what stands in the way.
@Suite struct RequalificationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        var stage: Stage = .nurture
        var reason: ReasonCode?
        var consent: Consent = .yes
        var answers: [String: AnswerValue] = [:]
        var marked = false
        let event: RequalifyEvent
        let expected: String?
        var testDescription: String { name }
    }

    static let demo = RequalifyEvent.signal(kind: "demo-request", requalify: true)

    static let rows: [Row] = [
        Row(name: "nurture + a requalify signal", event: demo, expected: "signal demo-request"),
        Row(name: "closed-lost + a requalify signal", stage: .closedLost, event: demo, expected: "signal demo-request"),
        Row(name: "a signal without requalify", event: .signal(kind: "email-open", requalify: false), expected: nil),
        Row(name: "a new contact", stage: .closedLost, event: .newContact(name: "Dana Reyes"), expected: "new contact Dana Reyes"),
        Row(name: "already marked: the first trigger stays", marked: true, event: demo, expected: nil),
        Row(name: "an active stage is never marked", stage: .sal, event: demo, expected: nil),
        Row(name: "new is never marked", stage: .new, event: demo, expected: nil),
        Row(name: "disqualified for no budget", stage: .disqualified, reason: .noBudget, event: demo, expected: "signal demo-request"),
        Row(name: "disqualified: the hard stop still stands", stage: .disqualified, reason: .wrongSpecialty,
            answers: ["fit.specialty": .choice("dental")], event: demo, expected: nil),
        Row(name: "disqualified: the hard-stop answer was changed", stage: .disqualified, reason: .wrongSpecialty,
            answers: ["fit.specialty": .choice("ortho")], event: demo, expected: "signal demo-request"),
        Row(name: "disqualified for no consent, still none", stage: .disqualified, reason: .noConsent, consent: .no,
            event: demo, expected: nil),
        Row(name: "disqualified for no consent, consent given since", stage: .disqualified, reason: .noConsent, consent: .yes,
            event: demo, expected: "signal demo-request"),
        Row(name: "an answer that clears no-timeline", answers: ["timeline.window": .choice("this-quarter")],
            event: .answer(question: "timeline.window", flagsBefore: ["no-timeline"]), expected: "answer timeline.window cleared no-timeline"),
        Row(name: "an answer while no-timeline stands", answers: ["timeline.window": .choice("exploring")],
            event: .answer(question: "timeline.window", flagsBefore: ["no-timeline"]), expected: nil),
        Row(name: "an answer when there was no no-timeline", answers: ["timeline.window": .choice("this-quarter")],
            event: .answer(question: "timeline.window", flagsBefore: []), expected: nil),
    ]

    static let catalog = Catalog(sets: [
        QuestionSet(id: "fit", title: "Fit", questions: [
            Question(id: "specialty", setId: "fit", ask: "?", type: .choice, choices: [
                Choice(id: "ortho", label: "Ortho", score: ScoreDelta(fit: 20)),
                Choice(id: "dental", label: "Dental", stop: .wrongSpecialty),
            ]),
        ]),
        QuestionSet(id: "timeline", title: "Timeline", questions: [
            Question(id: "window", setId: "timeline", ask: "?", type: .choice, choices: [
                Choice(id: "this-quarter", label: "This quarter"),
                Choice(id: "exploring", label: "Exploring", flag: "no-timeline"),
            ]),
        ]),
    ], profiles: [Profile(id: "p", title: "p", sets: ["fit", "timeline"], mql: .init(minTotal: 40, minFit: 20),
                          sql: .init(gates: ["next-step"], minFit: 20))], signals: [])

    @Test(arguments: rows) func marks(_ row: Row) throws {
        let at = Date(timeIntervalSince1970: 1_772_442_000)
        let lead = Lead(id: 1, org: "Mercy", profile: "p", consent: row.consent, stage: row.stage, stageReason: row.reason,
                        createdAt: at, requalify: row.marked ? RequalifyMark(trigger: "signal x", at: at) : nil)
        let record = QualificationRecord(lead: lead, answers: row.answers)
        let verdict = VerdictEngine.evaluate(record, catalog: Self.catalog, profile: try #require(Self.catalog.profile("p")), now: at)
        #expect(Requalification.trigger(row.event, lead: lead, verdict: verdict) == row.expected)
    }

    @Test func aMarkIsDueOneBusinessDayLater() {
        let friday = Date(timeIntervalSince1970: 1_772_442_000 + 4 * 86_400)
        let mark = RequalifyMark(trigger: "signal demo-request", at: friday)
        #expect(Requalification.due(mark) == BusinessTime.adding(businessDays: 1, to: friday))
        #expect(Requalification.due(mark) > friday + 2 * 86_400)
    }
}
