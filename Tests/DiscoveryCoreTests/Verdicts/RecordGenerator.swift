import DiscoveryCore
import Foundation

/// A seeded pseudo-random generator (SplitMix64): the same seed always gives the same records.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}

/// Random catalogs and records: questions of every type with scores (negative too), gates, flags,
/// rare hard stops and `when` follow-ups; answers, signals, contacts and a next step.
struct RecordGenerator {
    var rng: SeededRandom
    static let gates = ["need", "decision-path", "evidence", "timeline", "eligibility"]
    static let flags = ["no-timeline", "technical-open", "evidence-open", "no-end-customer"]

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

    mutating func delta() -> ScoreDelta {
        guard chance(0.6) else { return .zero }
        return ScoreDelta(fit: chance(0.4) ? int(-10...25) : 0, intent: chance(0.3) ? int(-10...20) : 0,
                          readiness: chance(0.3) ? int(-5...15) : 0)
    }

    mutating func catalog(withFollowUps: Bool) -> (Catalog, Profile) {
        var sets: [QuestionSet] = []
        var earlier: [Question] = []
        for s in 0..<int(1...4) {
            var questions: [Question] = []
            for n in 0..<int(1...5) {
                let type = pick([QuestionType.choice, .multi, .yesNo, .text, .number, .date, .contacts])
                var choices: [Choice] = []
                if type == .choice || type == .multi {
                    choices = (0..<int(2...4)).map { i in
                        Choice(id: "c\(i)", label: "Choice \(i)", score: delta(),
                               gate: chance(0.3) ? pick(Self.gates) : nil, flag: chance(0.15) ? pick(Self.flags) : nil,
                               stop: chance(0.08) ? pick(ReasonCode.allCases) : nil)
                    }
                }
                var when: Condition?
                if withFollowUps, !earlier.isEmpty, chance(0.35) {
                    let parent = pick(earlier)
                    let ids = parent.choices.isEmpty ? ["yes"] : [pick(parent.choices).id]
                    when = pick([Condition.answerIn(question: parent.fullId, values: ids),
                                 .answered(question: parent.fullId, true), .not(.answered(question: parent.fullId, true))])
                }
                let q = Question(id: "q\(n)", setId: "s\(s)", ask: "Question \(s).\(n)?", type: type, choices: choices,
                                 score: delta(), gate: chance(0.25) ? pick(Self.gates) : nil,
                                 flag: chance(0.1) ? pick(Self.flags) : nil,
                                 stop: chance(0.05) ? pick(ReasonCode.allCases) : nil, when: when)
                questions.append(q)
                earlier.append(q)
            }
            sets.append(QuestionSet(id: "s\(s)", title: "Set \(s)", questions: questions))
        }
        let gates = Self.gates.filter { _ in chance(0.6) } + (chance(0.7) ? ["next-step"] : [])
        let profile = Profile(id: "p", title: "P", sets: sets.map(\.id),
                              mql: .init(minTotal: int(20...80), minFit: int(0...30)),
                              sql: .init(gates: gates, minFit: int(0...30)),
                              bands: [.intent: Band(mid: 20, high: 50)])
        let signals = [SignalDefinition(id: "demo-request", label: "Demo", score: ScoreDelta(intent: 50), priority: .high),
                       SignalDefinition(id: "webinar", label: "Webinar", score: ScoreDelta(intent: 15)),
                       SignalDefinition(id: "unsubscribe", label: "Unsubscribe", score: ScoreDelta(intent: -20))]
        return (Catalog(sets: sets, profiles: [profile], signals: signals), profile)
    }

    /// A possible answer to `q`, of its type.
    mutating func answer(_ q: Question) -> AnswerValue {
        switch q.type {
        case .choice: return .choice(pick(q.choices).id)
        case .multi: return .multi(q.choices.map(\.id).filter { _ in chance(0.5) })
        case .yesNo: return .yesNo(chance(0.5))
        case .text: return .text("text \(int(0...9))")
        case .number: return .number(Double(int(0...500)))
        case .date: return .date("2026-0\(int(1...9))-1\(int(0...9))")
        case .contacts: return .contacts(["Person \(int(0...3))"])
        }
    }

    mutating func record(_ catalog: Catalog, _ profile: Profile, now: Date) -> QualificationRecord {
        var answers: [String: AnswerValue] = [:]
        for q in catalog.questions(for: profile) where chance(0.55) { answers[q.fullId] = answer(q) }
        let lead = Lead(id: 1, org: "Org", profile: profile.id, consent: pick(Consent.allCases),
                        owner: chance(0.8) ? "owner" : nil, createdAt: now - Double(int(0...300)) * 86_400)
        let signals = (0..<int(0...3)).map { i in
            SignalEvent(id: Int64(i + 1), leadId: 1, kind: pick(["demo-request", "webinar", "unsubscribe", "unknown"]),
                        actor: "m", at: now - Double(int(0...200)) * 86_400)
        }
        let contacts = (0..<int(0...3)).map { i in
            Contact(id: Int64(i + 1), leadId: 1, name: "C\(i)", role: chance(0.8) ? pick(ContactRole.allCases) : nil,
                    consent: pick(Consent.allCases), createdAt: now)
        }
        let step = chance(0.5) ? NextStep(leadId: 1, action: pick(NextAction.allCases), owner: chance(0.8) ? "o" : nil,
                                         due: chance(0.8) ? now + 86_400 : nil, setAt: now, actor: "a") : nil
        return QualificationRecord(lead: lead, contacts: contacts, answers: answers, signals: signals, nextStep: step)
    }
}
