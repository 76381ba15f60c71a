import DiscoveryCore
import Foundation

/// Everything a handoff note says about one lead, gathered once from the record, the verdict and
/// the recommendations, so the Markdown and the JSON say the same things (SPEC §8).
public struct HandoffNote: Sendable, Equatable {
    /// One recorded answer as the next person reads it.
    public struct AnswerLine: Sendable, Equatable {
        /// `set.question`.
        public var question: String
        public var ask: String
        /// Choice labels rather than ids; dates and numbers as given.
        public var answer: String
    }

    /// A section of answers: the sets whose answers it shows.
    public struct AnswerSection: Sendable, Equatable {
        public var title: String
        public var answers: [AnswerLine]
    }

    public var lead: Lead
    public var profile: Profile
    public var preparedAt: Date
    public var preparedBy: String
    public var verdict: Verdict
    public var contacts: [Contact]
    /// Roles the buying committee should have that no contact has yet.
    public var missingRoles: [ContactRole]
    public var signals: [SignalLine]
    /// Which contacts signals name (account-level engagement).
    public var engagement: Engagement
    public var calls: [Call]
    /// Procedure area / device category alignment (the `fit` set).
    public var alignment: AnswerSection
    /// The `committee` set: decision path, process, champion.
    public var committee: AnswerSection
    public var need: AnswerSection
    /// Evidence, compliance and systems: what the buyer needs proven and integrated.
    public var evidence: AnswerSection
    public var timeline: AnswerSection
    /// Answers of sets none of the above shows (custom sets).
    public var other: AnswerSection
    /// Everything that can stop or slow the deal, one line each.
    public var risks: [String]
    /// The agreed next step, if one is set.
    public var nextStep: NextStep?
    public var recommendations: [Recommendation]

    /// A recorded signal with its label from `signals.yaml`.
    public struct SignalLine: Sendable, Equatable {
        public var kind: String
        public var label: String
        public var at: Date
        public var note: String?
        /// The contact the signal came from, when named.
        public var contact: String?
    }

    /// Which sets feed which section.
    static let sectionSets: [(title: String, sets: [String])] = [
        ("Procedure area and category alignment", ["fit"]),
        ("Buying committee", ["committee"]),
        ("Need and problem statement", ["need"]),
        ("Evidence and technical requirements", ["evidence", "compliance", "systems"]),
        ("Timeline and evaluation stage", ["timeline"]),
    ]

    /// The roles a complete stakeholder map has; `security` too when the profile has a
    /// `security-review` gate.
    static func expectedRoles(_ profile: Profile) -> [ContactRole] {
        var roles: [ContactRole] = [.champion, .economicBuyer, .clinicalLeader, .technical, .procurement]
        if profile.sql.gates.contains("security-review") { roles.append(.security) }
        return roles
    }

    public init(record: QualificationRecord, verdict: Verdict, profile: Profile, catalog: Catalog,
                recommendations: [Recommendation], preparedBy: String, now: Date) {
        lead = record.lead
        self.profile = profile
        preparedAt = now
        self.preparedBy = preparedBy
        self.verdict = verdict
        contacts = record.contacts
        let present = Set(record.contacts.compactMap(\.role))
        missingRoles = Self.expectedRoles(profile).filter { !present.contains($0) }
        signals = record.signals.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.map {
            SignalLine(kind: $0.kind, label: catalog.signal($0.kind)?.label ?? $0.kind, at: $0.at, note: $0.note, contact: $0.contact)
        }
        engagement = Engagement(contacts: record.contacts, signals: record.signals)
        calls = record.calls.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        let lines = Self.answerLines(record.answers, catalog: catalog, profile: profile)
        func section(_ i: Int) -> AnswerSection {
            let (title, sets) = Self.sectionSets[i]
            return AnswerSection(title: title, answers: lines.filter { sets.contains(Self.setId($0.question)) })
        }
        alignment = section(0)
        committee = section(1)
        need = section(2)
        evidence = section(3)
        timeline = section(4)
        let shown = Set(Self.sectionSets.flatMap(\.sets))
        other = AnswerSection(title: "Other answers", answers: lines.filter { !shown.contains(Self.setId($0.question)) })
        nextStep = record.nextStep
        self.recommendations = recommendations
        risks = Self.risks(record: record, verdict: verdict, missingRoles: missingRoles, now: now)
    }

    static func setId(_ question: String) -> String {
        String(question.prefix { $0 != "." })
    }

    /// The answers in force, in interview order (profile sets, then question order), then any
    /// answer to a question the catalog no longer has, by id.
    static func answerLines(_ answers: [String: AnswerValue], catalog: Catalog, profile: Profile) -> [AnswerLine] {
        var out: [AnswerLine] = []
        var seen = Set<String>()
        let order = profile.sets + catalog.sets.map(\.id).filter { !profile.sets.contains($0) }
        for setId in order {
            for q in catalog.set(setId)?.questions ?? [] {
                guard let value = answers[q.fullId] else { continue }
                seen.insert(q.fullId)
                out.append(AnswerLine(question: q.fullId, ask: q.ask, answer: display(value, of: q)))
            }
        }
        for (id, value) in answers.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            out.append(AnswerLine(question: id, ask: id, answer: value.display))
        }
        return out
    }

    /// Choice ids become their labels: what the buyer said, not our codes.
    static func display(_ value: AnswerValue, of q: Question) -> String {
        switch value {
        case .choice(let id): return q.choice(id)?.label ?? id
        case .multi(let ids): return ids.map { q.choice($0)?.label ?? $0 }.joined(separator: "; ")
        default: return value.display
        }
    }
}
