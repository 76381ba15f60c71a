import DiscoveryCore
import DiscoveryStore
import Foundation
import SeededRandom

/// Builds one lead at a time with its contacts, calls, answers, signals and next step, all
/// drawn from one seeded generator: lead `n` of a seed is always the same lead. Answers are
/// valid for the bundled question sets (choice ids of the question, yes/no, dates, numbers,
/// names of the lead's contacts), a few revised later, as a rep's interview leaves them.
struct LeadFactory {
    static let contactsPerLead = 3
    static let callsPerLead = 5
    static let answersPerLead = 20
    /// Answer rows beyond the first answer of a question: later revisions.
    static let revisionsPerLead = 3

    var random: SeededRandom
    let catalog: Catalog
    /// Questions of each profile, in interview order.
    let questions: [String: [Question]]
    let signalKinds: [String]
    /// 2025-03-01: generated leads arrive over the year before the fixed test clock (2026-03-02).
    let epoch = Date(timeIntervalSince1970: 1_740_787_200)
    private var nextContact: Int64 = 1
    private var nextCall: Int64 = 1
    private var nextAnswer: Int64 = 1
    private var nextSignal: Int64 = 1
    private var nextStep: Int64 = 1
    private var nextRejection: Int64 = 1

    init(seed: UInt64, catalog: Catalog) {
        random = SeededRandom(seed: seed)
        self.catalog = catalog
        var qs: [String: [Question]] = [:]
        for p in catalog.profiles { qs[p.id] = catalog.questions(for: p) }
        questions = qs
        signalKinds = catalog.signals.map(\.id)
    }

    mutating func add(lead id: Int64, to batch: inout BulkBatch) {
        let created = epoch.addingTimeInterval(Double(random.below(340 * 86_400)))
        let (suffix, type) = random.pick(Vocabulary.suffixes)
        let org = "\(random.pick(Vocabulary.orgPrefixes)) \(random.pick(Vocabulary.places)) \(suffix)"
        let profileIds = Vocabulary.profiles.filter { questions[$0.0] != nil }
        let profile = profileIds.isEmpty ? (catalog.profiles.first?.id ?? "capital-equipment") : random.weighted(profileIds)
        let owner = random.pick(Vocabulary.owners)
        let source = random.pick(Vocabulary.sources)
        let journey = Journey.make(created: created, source: source, random: &random)
        batch.leads.append(Lead(
            id: id, org: org, type: type, specialty: random.pick(Vocabulary.specialties),
            region: random.pick(Vocabulary.regions), beds: type == "clinic" ? nil : 20 + random.below(900),
            source: source, profile: profile,
            consent: random.weighted([(Consent.yes, 6), (.unknown, 3), (.no, 1)]), owner: owner, stage: journey.stage,
            stageReason: journey.disqualifiedFor,
            createdAt: created, updatedAt: journey.stageChangedAt(created: created),
            stageChangedAt: journey.stageChangedAt(created: created), mqlAt: journey.mqlAt))
        for m in journey.moves {
            let actor = m.to == .mql ? "marketing" : owner
            batch.stageMoves.append((StageMove(leadId: id, from: m.from, to: m.to, at: m.at), actor))
        }
        if let reason = journey.rejection, let at = journey.moves.last?.at {
            batch.rejections.append(Rejection(id: nextRejection, leadId: id, reason: reason, note: nil, actor: owner, at: at))
            nextRejection += 1
        }

        var names: [String] = []
        let domain = org.lowercased().filter { $0.isLetter && $0.isASCII }.prefix(24) + ".example.org"
        for _ in 0..<Self.contactsPerLead {
            let first = random.pick(Vocabulary.firstNames)
            let last = random.pick(Vocabulary.lastNames)
            let (title, role) = random.pick(Vocabulary.titles)
            let name = "\(first) \(last)"
            names.append(name)
            let local = "\(first).\(last)".lowercased().filter { $0.isASCII && ($0.isLetter || $0 == ".") }
            batch.contacts.append(Contact(
                id: nextContact, leadId: id, name: name, title: title, role: random.chance(0.8) ? role : nil,
                email: "\(local).\(nextContact)@\(domain)", phone: "+1 555 \(100 + random.below(900)) \(1000 + random.below(9000))",
                consent: random.weighted([(Consent.yes, 5), (.unknown, 4), (.no, 1)]), createdAt: created))
            nextContact += 1
        }

        var callIds: [Int64] = []
        // An MQL is first called within hours to a couple of days of becoming one.
        var at = journey.mqlAt.map { $0.addingTimeInterval(Double(600 + random.below(36 * 3600)) - 3600) } ?? created
        for i in 0..<Self.callsPerLead {
            if i > 0 || journey.mqlAt == nil { at = at.addingTimeInterval(Double(3600 + random.below(5 * 86_400))) }
            let outcome = random.weighted(Vocabulary.outcomes)
            let connected = outcome == .connected || outcome == .meetingBooked || outcome == .callBackLater
            batch.calls.append(Call(
                id: nextCall, leadId: id, outcome: outcome, note: connected && random.chance(0.5) ? random.pick(Vocabulary.texts) : nil,
                durationMinutes: connected ? 5 + random.below(40) : nil, at: at,
                endedAt: connected ? at.addingTimeInterval(1200) : nil, actor: owner,
                followUpDue: connected ? nil : at.addingTimeInterval(86_400)))
            callIds.append(nextCall)
            nextCall += 1
        }

        addAnswers(lead: id, profile: profile, contacts: names, owner: owner, calls: callIds, start: created, to: &batch)

        // The signal that tipped an MQL over, just before it; others at any time.
        if let mqlAt = journey.mqlAt, !signalKinds.isEmpty {
            batch.signals.append(SignalEvent(id: nextSignal, leadId: id, kind: random.pick(signalKinds), actor: "marketing",
                                             at: mqlAt.addingTimeInterval(-Double(random.below(3600)))))
            nextSignal += 1
        }
        for _ in 0..<random.weighted([(0, 4), (1, 4), (2, 2)]) where !signalKinds.isEmpty {
            batch.signals.append(SignalEvent(id: nextSignal, leadId: id, kind: random.pick(signalKinds),
                                             actor: "marketing", at: created.addingTimeInterval(Double(random.below(60 * 86_400)))))
            nextSignal += 1
        }
        if random.chance(0.35) {
            let action = random.pick(NextAction.allCases)
            batch.nextSteps.append(NextStep(
                id: nextStep, leadId: id, action: action, note: "\(action.rawValue) with \(random.pick(names))", owner: owner,
                due: at.addingTimeInterval(Double(86_400 * (1 + random.below(14)))), setAt: at, actor: owner,
                doneAt: random.chance(0.3) ? at.addingTimeInterval(86_400) : nil))
            nextStep += 1
        }
    }

    private mutating func addAnswers(lead: Int64, profile: String, contacts: [String], owner: String, calls: [Int64],
                                     start: Date, to batch: inout BulkBatch) {
        let pool = questions[profile] ?? []
        guard !pool.isEmpty else { return }
        var asked: [Question] = []
        var at = start
        for i in 0..<Self.answersPerLead {
            let question: Question
            if i < Self.answersPerLead - Self.revisionsPerLead || asked.isEmpty {
                question = pool[(i + random.below(2)) % pool.count]
                asked.append(question)
            } else {
                question = random.pick(asked)
            }
            at = at.addingTimeInterval(Double(20 + random.below(300)))
            batch.answers.append(Answer(
                id: nextAnswer, leadId: lead, question: question.fullId, value: value(for: question, contacts: contacts),
                note: random.chance(0.05) ? random.pick(Vocabulary.texts) : nil,
                callId: random.chance(0.6) ? random.pick(calls) : nil, actor: owner, at: at))
            nextAnswer += 1
        }
    }

    /// A value the question accepts.
    private mutating func value(for q: Question, contacts: [String]) -> AnswerValue {
        switch q.type {
        case .choice:
            return q.choices.isEmpty ? .text(random.pick(Vocabulary.texts)) : .choice(random.pick(q.choices).id)
        case .multi:
            guard !q.choices.isEmpty else { return .multi([]) }
            var ids: [String] = []
            for c in q.choices where random.chance(0.4) { ids.append(c.id) }
            return .multi(ids.isEmpty ? [q.choices[0].id] : ids)
        case .yesNo: return .yesNo(random.chance(0.6))
        case .number: return .number(Double(1 + random.below(500)))
        case .date:
            return .date(String(format: "2026-%02d-%02d", 1 + random.below(12), 1 + random.below(28)))
        case .text: return .text(random.pick(Vocabulary.texts))
        case .contacts: return .contacts(Array(contacts.prefix(1 + random.below(contacts.count))))
        }
    }
}
