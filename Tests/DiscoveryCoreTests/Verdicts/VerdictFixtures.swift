import DiscoveryCore
import Foundation

/// A small catalog in code, shaped like the bundled sets, so the engine is tested with plain values.
enum Fixture {
    /// 2026-03-02 09:00 UTC, a Monday.
    static let now = Date(timeIntervalSince1970: 1_772_442_000)
    static let day: TimeInterval = 86_400

    static func q(_ set: String, _ id: String, _ type: QuestionType, _ choices: [Choice] = [],
                  score: ScoreDelta = .zero, gate: String? = nil, flag: String? = nil, stop: ReasonCode? = nil,
                  when: Condition? = nil) -> Question {
        Question(id: id, setId: set, ask: "\(set) \(id)?", type: type, choices: choices, score: score,
                 gate: gate, flag: flag, stop: stop, when: when)
    }

    static let sets: [QuestionSet] = [
        QuestionSet(id: "fit", title: "Fit", questions: [
            q("fit", "specialty", .choice, [
                Choice(id: "ortho", label: "Orthopedics", score: ScoreDelta(fit: 20), gate: "eligibility"),
                Choice(id: "cardio", label: "Cardiology", score: ScoreDelta(fit: 15), gate: "eligibility"),
                Choice(id: "dental", label: "Dental", stop: .wrongSpecialty),
            ]),
            q("fit", "org-type", .choice, [
                Choice(id: "hospital", label: "Hospital", score: ScoreDelta(fit: 10), gate: "eligibility"),
                Choice(id: "distributor", label: "Distributor", score: ScoreDelta(fit: 5), gate: "eligibility"),
            ]),
            q("fit", "end-customers", .choice, [
                Choice(id: "named", label: "End customers named"),
                Choice(id: "none", label: "No end customers named", flag: "no-end-customer"),
            ], when: .answerIn(question: "fit.org-type", values: ["distributor"])),
            q("fit", "existing-customer", .yesNo, stop: .alreadyCustomer),
        ]),
        QuestionSet(id: "need", title: "Need", questions: [
            q("need", "problem", .text, score: ScoreDelta(readiness: 5), gate: "need"),
            q("need", "urgency", .choice, [
                Choice(id: "urgent", label: "Urgent", score: ScoreDelta(intent: 10)),
                Choice(id: "someday", label: "Someday"),
            ]),
            q("need", "budget", .choice, [
                Choice(id: "approved", label: "Approved", score: ScoreDelta(readiness: 10)),
                Choice(id: "none", label: "No budget", stop: .noBudget),
            ]),
        ]),
        QuestionSet(id: "committee", title: "Committee", questions: [
            q("committee", "approver", .contacts, score: ScoreDelta(readiness: 5), gate: "decision-path"),
            q("committee", "procurement-engaged", .yesNo, flag: "procurement-engaged"),
        ]),
        QuestionSet(id: "evidence", title: "Evidence", questions: [
            q("evidence", "requirements", .choice, [
                Choice(id: "known", label: "Known and met", gate: "evidence"),
                Choice(id: "open", label: "Still open", gate: "evidence", flag: "evidence-open"),
                Choice(id: "unknown", label: "Unknown"),
            ]),
            q("evidence", "technical", .choice, [
                Choice(id: "clear", label: "Clear"),
                Choice(id: "open", label: "Open questions", flag: "technical-open"),
            ]),
        ]),
        QuestionSet(id: "timeline", title: "Timeline", questions: [
            q("timeline", "evaluation-window", .choice, [
                Choice(id: "this-quarter", label: "This quarter", score: ScoreDelta(readiness: 15), gate: "timeline"),
                Choice(id: "next-two-quarters", label: "Next two quarters", score: ScoreDelta(readiness: 10), gate: "timeline"),
                Choice(id: "exploring", label: "Just exploring", flag: "no-timeline"),
            ]),
            q("timeline", "target-date", .date, gate: "timeline",
              when: .answerIn(question: "timeline.evaluation-window", values: ["this-quarter", "next-two-quarters"])),
        ]),
        QuestionSet(id: "compliance", title: "Compliance", questions: [
            q("compliance", "security-approved", .yesNo, gate: "security-review"),
        ]),
    ]

    static func profile(_ id: String, total: Int, fit: Int = 30, extraGates: [String] = [], extraSets: [String] = []) -> Profile {
        Profile(id: id, title: id, sets: ["fit", "need", "committee", "evidence", "timeline"] + extraSets,
                mql: .init(minTotal: total, minFit: fit),
                sql: .init(gates: ["need", "decision-path", "evidence", "timeline", "eligibility"] + extraGates + ["next-step"],
                           minFit: fit),
                bands: [.intent: Band(mid: 20, high: 50)])
    }

    static let capital = profile("capital-equipment", total: 75)
    static let consumables = profile("consumables", total: 40)
    static let healthtech = profile("healthtech", total: 60, extraGates: ["security-review"], extraSets: ["compliance"])

    static let signals = [
        SignalDefinition(id: "demo-request", label: "Requested a demo", score: ScoreDelta(intent: 50), priority: .high),
        SignalDefinition(id: "webinar-attended", label: "Attended a webinar", score: ScoreDelta(intent: 15)),
        SignalDefinition(id: "content-download", label: "Downloaded content", score: ScoreDelta(intent: 10)),
        SignalDefinition(id: "unsubscribe", label: "Unsubscribed", score: ScoreDelta(intent: -20)),
        SignalDefinition(id: "inactive-90-days", label: "No activity for 90 days", score: ScoreDelta(intent: -10)),
    ]

    static let catalog = Catalog(sets: sets, profiles: [capital, consumables, healthtech], signals: signals)

    /// Answers that meet every question gate of `capital` with fit 30.
    static let qualified: [String: AnswerValue] = [
        "fit.specialty": .choice("ortho"), "fit.org-type": .choice("hospital"),
        "need.problem": .text("OR turnover"), "committee.approver": .contacts(["Dr. Ruiz"]),
        "evidence.requirements": .choice("known"), "timeline.evaluation-window": .choice("this-quarter"),
        "timeline.target-date": .date("2026-05-01"),
    ]

    static let openStep = NextStep(id: 1, leadId: 1, action: .demo, owner: "rep", due: now + 2 * day, setAt: now, actor: "rep")

    static func record(_ answers: [String: AnswerValue] = [:], profile: String = "capital-equipment",
                       consent: Consent = .yes, type: String? = nil, signals: [String] = [],
                       contacts: [(String, ContactRole?, Consent)] = [], nextStep: NextStep? = nil,
                       createdAt: Date = now) -> QualificationRecord {
        let lead = Lead(id: 1, org: "Mercy Regional", type: type, profile: profile, consent: consent,
                        owner: "owner-ana", createdAt: createdAt)
        return QualificationRecord(
            lead: lead,
            contacts: contacts.enumerated().map { i, c in
                Contact(id: Int64(i + 1), leadId: 1, name: c.0, role: c.1, consent: c.2, createdAt: createdAt)
            },
            answers: answers,
            signals: signals.enumerated().map { i, k in
                SignalEvent(id: Int64(i + 1), leadId: 1, kind: k, actor: "mkto", at: now - Double(i + 1) * 3600)
            },
            nextStep: nextStep)
    }

    static func verdict(_ r: QualificationRecord) -> Verdict {
        let p = catalog.profile(r.lead.profile) ?? capital
        return VerdictEngine.evaluate(r, catalog: catalog, profile: p, now: now)
    }

    static func recommendations(_ r: QualificationRecord, user: String = "me") -> [Recommendation] {
        let p = catalog.profile(r.lead.profile) ?? capital
        return Recommendations.make(verdict(r), record: r, profile: p, user: user, now: now)
    }
}

extension Dictionary where Key == String, Value == AnswerValue {
    func with(_ q: String, _ v: AnswerValue?) -> Self {
        var c = self
        c[q] = v
        return c
    }
}
