import DiscoveryCore
import Foundation
import DiscoveryExport

/// A small catalog and three leads, built in code, for the golden handoff notes.
enum HandoffFixtures {
    static let now = Date(timeIntervalSince1970: 1_772_442_000)   // 2026-03-02 09:00 UTC
    static func day(_ d: Int, hour: Int = 9) -> Date { now.addingTimeInterval(Double(d) * 86_400 + Double(hour - 9) * 3_600) }

    static func q(_ set: String, _ id: String, _ ask: String, _ type: QuestionType, choices: [Choice] = [],
                  score: ScoreDelta = .zero, gate: String? = nil) -> Question {
        Question(id: id, setId: set, ask: ask, type: type, choices: choices, score: score, gate: gate)
    }

    static let catalog = Catalog(
        sets: [
            QuestionSet(id: "fit", title: "Fit", questions: [
                q("fit", "org-type", "What kind of organisation is this?", .choice, choices: [
                    Choice(id: "hospital", label: "Independent acute-care hospital", score: ScoreDelta(fit: 15), gate: "eligibility"),
                    Choice(id: "non-provider", label: "Not a care provider", stop: .wrongOrgType),
                ]),
                q("fit", "procedure-area", "Which procedure area or device category?", .choice, choices: [
                    Choice(id: "robotic", label: "Robotic general surgery", score: ScoreDelta(fit: 15), gate: "eligibility"),
                    Choice(id: "other", label: "Something we do not make"),
                ]),
            ]),
            QuestionSet(id: "need", title: "Need", questions: [
                q("need", "problem", "What problem are they trying to solve?", .text, score: ScoreDelta(readiness: 10), gate: "need"),
            ]),
            QuestionSet(id: "committee", title: "Committee", questions: [
                q("committee", "decision-path", "Who gives final approval?", .choice, choices: [
                    Choice(id: "approver-named", label: "Final approver named", score: ScoreDelta(readiness: 10), gate: "decision-path"),
                    Choice(id: "no-path", label: "No path to the committee", stop: .noPathToCommittee),
                ]),
            ]),
            QuestionSet(id: "evidence", title: "Evidence", questions: [
                q("evidence", "requirements", "What evidence will the value analysis committee need?", .multi, choices: [
                    Choice(id: "studies", label: "Peer-reviewed clinical studies", gate: "evidence"),
                    Choice(id: "dossier", label: "Value analysis dossier", flag: "evidence-open"),
                ]),
            ]),
            QuestionSet(id: "timeline", title: "Timeline", questions: [
                q("timeline", "evaluation-window", "Is there a target timeline for evaluation?", .choice, choices: [
                    Choice(id: "this-quarter", label: "Within this quarter", score: ScoreDelta(readiness: 15), gate: "timeline"),
                    Choice(id: "exploring", label: "Just exploring, no plan", flag: "no-timeline"),
                ]),
                q("timeline", "target-date", "Is there a planned review date?", .date),
            ]),
        ],
        profiles: [Profile(id: "capital-equipment", title: "Capital equipment", sets: ["fit", "need", "committee", "evidence", "timeline"],
                           mql: .init(minTotal: 40, minFit: 20),
                           sql: .init(gates: ["need", "decision-path", "evidence", "timeline", "eligibility", "next-step"], minFit: 25),
                           bands: [.intent: Band(mid: 20, high: 50)])],
        signals: [SignalDefinition(id: "demo-request", label: "Requested a demo", score: ScoreDelta(intent: 50), priority: .high),
                  SignalDefinition(id: "webinar-attended", label: "Attended a webinar", score: ScoreDelta(intent: 15))])

    static var profile: Profile { catalog.profiles[0] }

    /// A lead ready for SQL: every gate met, a champion and an approver, an agreed next step.
    static var ready: QualificationRecord {
        let lead = Lead(id: 7, org: "Mercy Regional", type: "hospital", specialty: "general surgery", region: "US-OH", beds: 320,
                        source: "web", profile: "capital-equipment", consent: .yes, owner: "ana", stage: .mql,
                        createdAt: day(-20), stageChangedAt: day(-10), mqlAt: day(-10))
        return QualificationRecord(
            lead: lead,
            contacts: [
                Contact(id: 1, leadId: 7, name: "Dr. Maria Ruiz", title: "Chief of Surgery", role: .champion,
                        email: "maria.ruiz@mercy.example", phone: "+1 (555) 010-0100", consent: .yes, createdAt: day(-20)),
                Contact(id: 2, leadId: 7, name: "Tom Baker", title: "CFO", role: .economicBuyer, email: "tom.baker@mercy.example",
                        consent: .unknown, createdAt: day(-5)),
            ],
            answers: [
                "fit.org-type": .choice("hospital"), "fit.procedure-area": .choice("robotic"),
                "need.problem": .text("OR turnover is too slow;\nsurgeons want robotic capacity for hernia and colorectal cases"),
                "committee.decision-path": .choice("approver-named"),
                "evidence.requirements": .multi(["studies", "dossier"]),
                "timeline.evaluation-window": .choice("this-quarter"), "timeline.target-date": .date("2026-05-15"),
            ],
            signals: [SignalEvent(id: 1, leadId: 7, kind: "demo-request", note: "form on the robotics page", actor: "marketing", at: day(-10)),
                      SignalEvent(id: 2, leadId: 7, kind: "webinar-attended", actor: "marketing", at: day(-12))],
            calls: [Call(id: 1, leadId: 7, outcome: .voicemail, at: day(-9), actor: "sdr"),
                    Call(id: 2, leadId: 7, outcome: .connected, note: "Discovery with Dr. Ruiz", durationMinutes: 25, at: day(-8), actor: "ana")],
            nextStep: NextStep(id: 1, leadId: 7, action: .technicalReview, note: "Technical walkthrough with Dr. Ruiz and biomed",
                               owner: "ana", due: day(3), setAt: day(-1), actor: "ana"),
            lastAnswerAt: day(-1))
    }

    /// A lead with a hard stop and a contact who opted out.
    static var stopped: QualificationRecord {
        let lead = Lead(id: 12, org: "Acme Payer Services", type: "payer", profile: "capital-equipment", consent: .unknown,
                        owner: "sam", stage: .disqualified, stageReason: .wrongOrgType, stageNote: "payer, not a provider",
                        createdAt: day(-3), stageChangedAt: day(-1))
        return QualificationRecord(
            lead: lead,
            contacts: [Contact(id: 5, leadId: 12, name: "Lee Park", title: "Procurement lead", role: .procurement,
                               email: "lee@acme.example", consent: .no, createdAt: day(-3))],
            answers: ["fit.org-type": .choice("non-provider"), "timeline.evaluation-window": .choice("exploring")],
            calls: [Call(id: 9, leadId: 12, outcome: .notInterested, at: day(-1), actor: "sam")],
            lastAnswerAt: day(-1))
    }

    /// A lead just created: nothing known yet.
    static var bare: QualificationRecord {
        QualificationRecord(lead: Lead(id: 3, org: "St. Luke Clinic", profile: "capital-equipment", createdAt: now))
    }

    static func note(_ record: QualificationRecord) -> HandoffNote {
        let verdict = VerdictEngine.evaluate(record, catalog: catalog, profile: profile, now: now)
        let recs = Recommendations.make(verdict, record: record, profile: profile, user: "rep", now: now)
        var note = HandoffNote(record: record, verdict: verdict, profile: profile, catalog: catalog, recommendations: recs,
                               preparedBy: "rep", now: now)
        note.modelVersion = "team v3"
        return note
    }
}
