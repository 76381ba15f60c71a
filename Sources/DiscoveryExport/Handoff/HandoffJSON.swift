import DiscoveryCore
import Foundation

/// `handoff --format json`: the note for tools. Shape documented in `docs/handoff-json.md`;
/// every key is always present (`null` or `[]` when empty).
public enum HandoffJSON {
    public static func render(_ n: HandoffNote) -> String {
        ExportJSON.encode(Document(n), pretty: true) + "\n"
    }

    struct Document: Encodable {
        let schemaVersion = ExportJSON.schemaVersion
        let preparedAt: Date
        let preparedBy: String
        let lead: LeadPart
        let activity: Activity
        let alignment: [Answer]
        let stakeholders: Stakeholders
        let need: [Answer]
        let evidence: [Answer]
        let timeline: [Answer]
        let otherAnswers: [Answer]
        let verdict: String
        let mql: Bool
        let mqlReason: String
        let scores: [String: Int]
        let bands: [String: String]
        let gates: [Gate]
        let missingGates: [String]
        let hardStops: [Hit]
        let flags: [Hit]
        let risks: [String]
        let nextStep: Step?
        let recommendations: [Rec]
        let consent: Consent

        init(_ n: HandoffNote) {
            preparedAt = n.preparedAt
            preparedBy = n.preparedBy
            lead = LeadPart(n.lead, profileTitle: n.profile.title)
            activity = Activity(source: n.lead.source, createdAt: n.lead.createdAt,
                                signals: n.signals.map { Signal(kind: $0.kind, label: $0.label, at: $0.at, note: $0.note) },
                                calls: n.calls.map { Call(at: $0.at, outcome: $0.outcome?.rawValue, durationMinutes: $0.durationMinutes,
                                                          actor: $0.actor, note: $0.note) })
            alignment = n.alignment.answers.map(Answer.init)
            stakeholders = Stakeholders(contacts: n.contacts.map(ContactPart.init), missingRoles: n.missingRoles.map(\.rawValue),
                                        committee: n.committee.answers.map(Answer.init))
            need = n.need.answers.map(Answer.init)
            evidence = n.evidence.answers.map(Answer.init)
            timeline = n.timeline.answers.map(Answer.init)
            otherAnswers = n.other.answers.map(Answer.init)
            let v = n.verdict
            verdict = v.kind.rawValue
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

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version", preparedAt = "prepared_at", preparedBy = "prepared_by", lead, activity
            case alignment, stakeholders, need, evidence, timeline, otherAnswers = "other_answers", verdict, mql
            case mqlReason = "mql_reason", scores, bands, gates, missingGates = "missing_gates", hardStops = "hard_stops"
            case flags, risks, nextStep = "next_step", recommendations, consent
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(preparedAt, forKey: .preparedAt)
            try c.encode(preparedBy, forKey: .preparedBy)
            try c.encode(lead, forKey: .lead)
            try c.encode(activity, forKey: .activity)
            try c.encode(alignment, forKey: .alignment)
            try c.encode(stakeholders, forKey: .stakeholders)
            try c.encode(need, forKey: .need)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(timeline, forKey: .timeline)
            try c.encode(otherAnswers, forKey: .otherAnswers)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(mql, forKey: .mql)
            try c.encode(mqlReason, forKey: .mqlReason)
            try c.encode(scores, forKey: .scores)
            try c.encode(bands, forKey: .bands)
            try c.encode(gates, forKey: .gates)
            try c.encode(missingGates, forKey: .missingGates)
            try c.encode(hardStops, forKey: .hardStops)
            try c.encode(flags, forKey: .flags)
            try c.encode(risks, forKey: .risks)
            try c.encode(nextStep, forKey: .nextStep)
            try c.encode(recommendations, forKey: .recommendations)
            try c.encode(consent, forKey: .consent)
        }
    }

    struct LeadPart: Encodable {
        let id, org, profile, profileTitle, stage, consent: String
        let type, specialty, region, owner, stageReason, stageNote: String?
        let beds: Int?
        let stageChangedAt, createdAt: Date
        let mqlAt: Date?

        init(_ l: Lead, profileTitle: String) {
            id = l.label; org = l.org; profile = l.profile; self.profileTitle = profileTitle; stage = l.stage.rawValue
            consent = l.consent.rawValue; type = l.type; specialty = l.specialty; region = l.region; owner = l.owner
            stageReason = l.stageReason?.rawValue; stageNote = l.stageNote; beds = l.beds
            stageChangedAt = l.stageChangedAt; createdAt = l.createdAt; mqlAt = l.mqlAt
        }

        enum CodingKeys: String, CodingKey {
            case id, org, profile, profileTitle = "profile_title", stage, consent, type, specialty, region, owner
            case stageReason = "stage_reason", stageNote = "stage_note", beds, stageChangedAt = "stage_changed_at"
            case createdAt = "created_at", mqlAt = "mql_at"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(org, forKey: .org); try c.encode(profile, forKey: .profile)
            try c.encode(profileTitle, forKey: .profileTitle); try c.encode(stage, forKey: .stage)
            try c.encode(consent, forKey: .consent); try c.encode(type, forKey: .type)
            try c.encode(specialty, forKey: .specialty); try c.encode(region, forKey: .region)
            try c.encode(owner, forKey: .owner); try c.encode(stageReason, forKey: .stageReason)
            try c.encode(stageNote, forKey: .stageNote); try c.encode(beds, forKey: .beds)
            try c.encode(stageChangedAt, forKey: .stageChangedAt); try c.encode(createdAt, forKey: .createdAt)
            try c.encode(mqlAt, forKey: .mqlAt)
        }
    }

    struct Activity: Encodable {
        let source: String?
        let createdAt: Date
        let signals: [Signal]
        let calls: [Call]
        enum CodingKeys: String, CodingKey { case source, createdAt = "created_at", signals, calls }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source, forKey: .source); try c.encode(createdAt, forKey: .createdAt)
            try c.encode(signals, forKey: .signals); try c.encode(calls, forKey: .calls)
        }
    }

    struct Signal: Encodable {
        let kind, label: String
        let at: Date
        let note: String?
        enum CodingKeys: String, CodingKey { case kind, label, at, note }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(label, forKey: .label)
            try c.encode(at, forKey: .at); try c.encode(note, forKey: .note)
        }
    }

    struct Call: Encodable {
        let at: Date
        let outcome: String?
        let durationMinutes: Int?
        let actor: String
        let note: String?
        enum CodingKeys: String, CodingKey { case at, outcome, durationMinutes = "duration_minutes", actor, note }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(at, forKey: .at); try c.encode(outcome, forKey: .outcome)
            try c.encode(durationMinutes, forKey: .durationMinutes); try c.encode(actor, forKey: .actor)
            try c.encode(note, forKey: .note)
        }
    }

    struct Answer: Encodable {
        let question, ask, answer: String
        init(_ a: HandoffNote.AnswerLine) { question = a.question; ask = a.ask; answer = a.answer }
    }

    struct ContactPart: Encodable {
        let name, consent: String
        let title, role, email, phone: String?
        init(_ c: DiscoveryCore.Contact) {
            name = c.name; consent = c.consent.rawValue; title = c.title; role = c.role?.rawValue; email = c.email; phone = c.phone
        }
        enum CodingKeys: String, CodingKey { case name, consent, title, role, email, phone }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(consent, forKey: .consent); try c.encode(title, forKey: .title)
            try c.encode(role, forKey: .role); try c.encode(email, forKey: .email); try c.encode(phone, forKey: .phone)
        }
    }

    struct Stakeholders: Encodable {
        let contacts: [ContactPart]
        let missingRoles: [String]
        let committee: [Answer]
        enum CodingKeys: String, CodingKey { case contacts, missingRoles = "missing_roles", committee }
    }

    struct Gate: Encodable {
        let name: String
        let met: Bool
        let satisfiedBy: [String]
        let gaps: [String]
        enum CodingKeys: String, CodingKey { case name, met, satisfiedBy = "satisfied_by", gaps }
    }

    struct Hit: Encodable {
        let name, source: String
    }

    struct Step: Encodable {
        let action: String
        let note, owner, due: String?
        enum CodingKeys: String, CodingKey { case action, note, owner, due }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(action, forKey: .action); try c.encode(note, forKey: .note)
            try c.encode(owner, forKey: .owner); try c.encode(due, forKey: .due)
        }
    }

    struct Rec: Encodable {
        let action: String
        let because: [String]
        let owner, due: String
        let reason: String?
        enum CodingKeys: String, CodingKey { case action, because, owner, due, reason }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(action, forKey: .action); try c.encode(because, forKey: .because)
            try c.encode(owner, forKey: .owner); try c.encode(due, forKey: .due); try c.encode(reason, forKey: .reason)
        }
    }

    struct Consent: Encodable {
        let lead: String
        let contacts: [ContactConsent]
    }

    struct ContactConsent: Encodable {
        let name, consent: String
    }
}
