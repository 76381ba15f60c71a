import DiscoveryCore
import Foundation

/// `handoff --format json`: the note for tools. Shape documented in `docs/handoff-json.md`;
/// every key is always present (`null` or `[]` when empty).
public enum HandoffJSON {
    public static func render(_ n: HandoffNote) -> String {
        JSONText.encode(Document(n)) + "\n"
    }

    struct Document: Encodable {
        let schemaVersion = JSONText.schemaVersion
        let preparedAt: Date
        let preparedBy: String
        let lead: LeadJSON<LeadExtra>
        let activity: Activity
        let alignment: [Answer]
        let stakeholders: Stakeholders
        let need: [Answer]
        let evidence: [Answer]
        let timeline: [Answer]
        let otherAnswers: [Answer]
        let verdict: String
        @NullEncoded var modelVersion: String?
        let mql: Bool
        let mqlReason: String
        let scores: [String: Int]
        let bands: [String: String]
        let gates: [Gate]
        let missingGates: [String]
        let hardStops: [Hit]
        let flags: [Hit]
        let risks: [String]
        @NullEncoded var nextStep: Step?
        let recommendations: [Rec]
        let consent: Consent

        init(_ n: HandoffNote) {
            preparedAt = n.preparedAt
            preparedBy = n.preparedBy
            lead = LeadJSON(n.lead, fields: LeadJSONField.handoff, extra: LeadExtra(profileTitle: n.profile.title))
            activity = Activity(source: n.lead.source, createdAt: n.lead.createdAt,
                                signals: n.signals.map { Signal(kind: $0.kind, label: $0.label, at: $0.at, note: $0.note, contact: $0.contact) },
                                engagedContacts: n.engagement.engaged.map { Engaged(name: $0.name, signals: $0.kinds) },
                                calls: n.calls.map { Call(at: $0.at, outcome: $0.outcome?.rawValue, durationMinutes: $0.durationMinutes,
                                                          actor: $0.actor, note: $0.note) })
            alignment = n.alignment.answers.map(Answer.init)
            stakeholders = Stakeholders(contacts: n.contacts.map(ContactJSON.init), missingRoles: n.missingRoles.map(\.rawValue),
                                        committee: n.committee.answers.map(Answer.init))
            need = n.need.answers.map(Answer.init)
            evidence = n.evidence.answers.map(Answer.init)
            timeline = n.timeline.answers.map(Answer.init)
            otherAnswers = n.other.answers.map(Answer.init)
            let v = n.verdict
            verdict = v.kind.rawValue
            modelVersion = n.modelVersion
            mql = v.mql
            mqlReason = v.mqlReason
            scores = Dictionary(uniqueKeysWithValues: ScoreKind.allCases.map { ($0.rawValue, v.scores[$0]) })
            bands = Dictionary(uniqueKeysWithValues: v.bands.map { ($0.key.rawValue, $0.value.rawValue) })
            gates = v.gates.map { Gate(name: $0.name, met: $0.met, satisfiedBy: $0.satisfiedBy.map(\.description),
                                       gaps: $0.gaps.map(\.description)) }
            missingGates = v.missingGates
            hardStops = v.hardStops.map { Hit(name: $0.reason.rawValue, source: $0.source.description) }
            flags = v.flags.map { Hit(name: $0.name, source: $0.source.description) }
            risks = n.risks
            nextStep = n.nextStep.map { Step(action: $0.action.rawValue, note: $0.note, owner: $0.owner, due: $0.due.map(Dates.day)) }
            recommendations = n.recommendations.map {
                Rec(action: $0.action.rawValue, because: $0.because, owner: $0.owner, due: Dates.day($0.due), reason: $0.reason?.rawValue)
            }
            consent = Consent(lead: n.lead.consent.rawValue,
                              contacts: n.contacts.map { ContactConsent(name: $0.name, consent: $0.consent.rawValue) })
        }
    }

    /// What the handoff's `lead` shows beside the lead's fields.
    struct LeadExtra: Encodable {
        let profileTitle: String
    }

    struct Activity: Encodable {
        @NullEncoded var source: String?
        let createdAt: Date
        let signals: [Signal]
        /// The lead's contacts that signals name, with the kinds (account-level engagement).
        let engagedContacts: [Engaged]
        let calls: [Call]
    }

    struct Signal: Encodable {
        let kind, label: String
        let at: Date
        @NullEncoded var note: String?
        @NullEncoded var contact: String?
    }

    struct Engaged: Encodable {
        let name: String
        let signals: [String]
    }

    struct Call: Encodable {
        let at: Date
        @NullEncoded var outcome: String?
        @NullEncoded var durationMinutes: Int?
        let actor: String
        @NullEncoded var note: String?
    }

    struct Answer: Encodable {
        let question, ask, answer: String
        @NullEncoded var note: String?
        init(_ a: HandoffNote.AnswerLine) { question = a.question; ask = a.ask; answer = a.answer; note = a.note }
    }

    struct Stakeholders: Encodable {
        let contacts: [ContactJSON]
        let missingRoles: [String]
        let committee: [Answer]
    }

    struct Gate: Encodable {
        let name: String
        let met: Bool
        let satisfiedBy: [String]
        let gaps: [String]
    }

    struct Hit: Encodable {
        let name, source: String
    }

    struct Step: Encodable {
        let action: String
        @NullEncoded var note: String?
        @NullEncoded var owner: String?
        @NullEncoded var due: String?
    }

    struct Rec: Encodable {
        let action: String
        let because: [String]
        let owner, due: String
        @NullEncoded var reason: String?
    }

    struct Consent: Encodable {
        let lead: String
        let contacts: [ContactConsent]
    }

    struct ContactConsent: Encodable {
        let name, consent: String
    }
}
