import DiscoveryCore
import Foundation
import DiscoveryStorage

/// A catalog in code for the verdict commands, shaped like the bundled sets.
enum VerdictCatalog {
    static func q(_ set: String, _ id: String, _ type: QuestionType, _ choices: [Choice] = [],
                  score: ScoreDelta = .zero, gate: String? = nil, when: Condition? = nil) -> Question {
        Question(id: id, setId: set, ask: "\(set) \(id)?", type: type, choices: choices, score: score, gate: gate, when: when)
    }

    static let sets = [
        QuestionSet(id: "fit", title: "Fit", questions: [
            q("fit", "specialty", .choice, [
                Choice(id: "ortho", label: "Orthopedics", score: ScoreDelta(fit: 20), gate: "eligibility"),
                Choice(id: "dental", label: "Dental", stop: .wrongSpecialty),
            ]),
            q("fit", "org-type", .choice, [
                Choice(id: "hospital", label: "Hospital", score: ScoreDelta(fit: 10), gate: "eligibility"),
            ]),
        ]),
        QuestionSet(id: "need", title: "Need", questions: [
            q("need", "problem", .text, score: ScoreDelta(readiness: 5), gate: "need"),
        ]),
        QuestionSet(id: "timeline", title: "Timeline", questions: [
            q("timeline", "evaluation-window", .choice, [
                Choice(id: "this-quarter", label: "This quarter", score: ScoreDelta(readiness: 15), gate: "timeline"),
                Choice(id: "exploring", label: "Just exploring", flag: "no-timeline"),
            ]),
        ]),
    ]

    static func profile(_ id: String, total: Int) -> Profile {
        Profile(id: id, title: id, sets: ["fit", "need", "timeline"], mql: .init(minTotal: total, minFit: 30),
                sql: .init(gates: ["need", "timeline", "eligibility", "next-step"], minFit: 30),
                bands: [.intent: Band(mid: 20, high: 50)])
    }

    static let catalog = Catalog(
        sets: sets,
        profiles: [profile("capital-equipment", total: 75), profile("consumables", total: 40)],
        signals: [SignalDefinition(id: "demo-request", label: "Requested a demo", score: ScoreDelta(intent: 50), priority: .high),
                  SignalDefinition(id: "webinar-attended", label: "Attended a webinar", score: ScoreDelta(intent: 15)),
                  SignalDefinition(id: "student", label: "Student or resident", score: ScoreDelta(fit: -25))])
}

extension TestShell {
    /// Records an answer revision through the storage interface.
    func answer(_ lead: Int64, _ question: String, _ value: AnswerValue, at: Date = TestShell.now) throws {
        try store.recordAnswer(lead: lead, question: question, value: value, note: nil, people: [], actor: "rep", at: at)
    }

    /// Records a signal through the storage interface.
    func signal(_ lead: Int64, _ kind: String, at: Date = TestShell.now) throws {
        try store.addSignal(SignalEvent(leadId: lead, kind: kind, actor: "mkto", at: at), actor: "mkto")
    }

    /// A lead whose question gates are all met with fit 30 (only `next-step` missing).
    func qualifiedLead(consent: String = "yes") throws {
        run("lead new 'Mercy Regional' --consent \(consent)")
        try answer(1, "fit.specialty", .choice("ortho"))
        try answer(1, "fit.org-type", .choice("hospital"))
        try answer(1, "need.problem", .text("OR turnover"))
        try answer(1, "timeline.evaluation-window", .choice("this-quarter"))
    }
}
