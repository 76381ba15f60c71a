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
        /// Choice labels rather than ids; dates and numbers as given; `(not answered)` for a
        /// question that has only a note.
        public var answer: String
        /// The rep's note on the question (`/note`, `answer --note`), if one is in force.
        public var note: String?
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
    /// The scoring model the verdict was computed with (`team v3`, `local 9f86d081884c7d65`).
    public var modelVersion: String?

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

    /// `notes`: the note in force of each question that has one (`set.question` → text).
    public init(record: QualificationRecord, verdict: Verdict, profile: Profile, catalog: Catalog,
                recommendations: [Recommendation], preparedBy: String, now: Date, notes: [String: String] = [:]) {
        lead = record.lead
        self.profile = profile
        preparedAt = now
        self.preparedBy = preparedBy
        self.verdict = verdict
        contacts = record.contacts
        missingRoles = CommitteeRoles.missing(record.contacts, profile: profile)
        signals = record.signals.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.map {
            SignalLine(kind: $0.kind, label: catalog.signal($0.kind)?.label ?? $0.kind, at: $0.at, note: $0.note, contact: $0.contact)
        }
        engagement = Engagement(contacts: record.contacts, signals: record.signals)
        calls = record.calls.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        let lines = Self.answerLines(record.answers, notes: notes, catalog: catalog, profile: profile)
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

    /// The answers in force and the questions with a note, in interview order (profile sets,
    /// then question order), then any answer or note on a question the catalog no longer has, by id.
    static func answerLines(_ answers: [String: AnswerValue], notes: [String: String] = [:], catalog: Catalog,
                            profile: Profile) -> [AnswerLine] {
        var out: [AnswerLine] = []
        var seen = Set<String>()
        let order = profile.sets + catalog.sets.map(\.id).filter { !profile.sets.contains($0) }
        for setId in order {
            for q in catalog.set(setId)?.questions ?? [] {
                let value = answers[q.fullId]
                guard value != nil || notes[q.fullId] != nil else { continue }
                seen.insert(q.fullId)
                out.append(AnswerLine(question: q.fullId, ask: q.ask, answer: value.map { display($0, of: q) } ?? notAnswered,
                                      note: notes[q.fullId]))
            }
        }
        for id in Set(answers.keys).union(notes.keys).sorted() where !seen.contains(id) {
            out.append(AnswerLine(question: id, ask: id, answer: answers[id]?.display ?? notAnswered, note: notes[id]))
        }
        return out
    }

    /// What a question with a note but no answer shows.
    static let notAnswered = "(not answered)"

    /// Choice ids become their labels: what the buyer said, not our codes.
    static func display(_ value: AnswerValue, of q: Question) -> String {
        switch value {
        case .choice(let id): return q.choice(id)?.label ?? id
        case .multi(let ids): return ids.map { q.choice($0)?.label ?? $0 }.joined(separator: "; ")
        default: return value.display
        }
    }
}
