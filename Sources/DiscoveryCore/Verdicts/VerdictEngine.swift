import Foundation

/// The verdict engine: a pure function of a lead's record, the catalog, its profile and the clock.
/// No I/O; the same input always gives the same verdict, and every point is traced.
public enum VerdictEngine {
    /// The engine's rules, as a number stored with every kept `VerdictBasis`: raise it whenever
    /// a change to the engine could change a verdict for the same record and model, so bases
    /// kept by an older binary are computed again (a test pins the verdicts of a seeded book to
    /// this number and fails when they change without it).
    public static let rulesVersion = 1

    /// The intent band used when a profile gives none (the SPEC's example thresholds).
    public static let defaultIntentBand = Band(mid: 20, high: 50)

    /// `rankingQuestions: false` leaves `askNext` empty: a report that only counts verdicts and
    /// scores need not rank every lead's open questions.
    public static func evaluate(_ record: QualificationRecord, catalog: Catalog, profile: Profile, now: Date,
                                rankingQuestions: Bool = true) -> Verdict {
        judge(score(record, catalog: catalog, profile: profile, now: now), profile: profile, rankingQuestions: rankingQuestions)
    }

    /// What a record amounts to under a profile's question sets and gates: every point, gate,
    /// flag and hard stop, before the thresholds decide anything (`judge`).
    public struct Scoring: Sendable {
        let leadId: Int64
        let applicable: [Question]
        let answers: [String: AnswerValue]
        let trace: [ScoreLine]
        let scores: ScoreDelta
        let gates: [GateStatus]
        let flags: [FlagHit]
        let stops: [HardStop]
        /// The first high-priority signal, which makes an MQL whatever the total.
        let directRequest: TraceSource?
        /// What the inactivity rule read, and the line it added at the scoring's clock (in `trace`).
        let inactivity: Inactivity.Inputs
        let decay: ScoreLine?
    }

    public static func score(_ record: QualificationRecord, catalog: Catalog, profile: Profile, now: Date) -> Scoring {
        let questions = catalog.questions(for: profile)
        // Answers the lead record gives (`from-lead`) count like recorded ones, marked as such.
        let derived = LeadRecordAnswers.derived(record, questions: questions)
        let answers = derived.isEmpty ? record.answers : record.answers.merging(derived) { recorded, _ in recorded }
        var origins: [String: (field: String, value: String)] = [:]
        if !derived.isEmpty {
            for q in questions {
                guard let source = q.fromLead, derived[q.fullId] != nil, let value = source.value(of: record.lead) else { continue }
                origins[q.fullId] = (source.field, value)
            }
        }
        let applicable = questions.filter { $0.isApplicable(given: answers) }
        var effects = AnswerEffects(applicable: applicable, answers: answers)
        if !origins.isEmpty { effects.mark(origins) }

        var trace = effects.lines
        var directRequest: TraceSource?
        for event in record.signals.sorted(by: signalOrder) {
            // A kind no longer in signals.yaml is kept on the record but gives no points.
            guard let def = catalog.signal(event.kind) else { continue }
            let source = TraceSource.signal(kind: def.id, label: def.label, at: event.at)
            ScoreLine.append(def.score, from: source, to: &trace)
            if def.priority == .high && directRequest == nil { directRequest = source }
        }
        let inactivity = Inactivity.inputs(record, catalog: catalog)
        let decay = Inactivity.line(inactivity, catalog: catalog, now: now)
        if let decay { trace.append(decay) }

        var gates = GateEvaluation.evaluate(profile.sql.gates, applicable: applicable, answers: answers,
                                            nextStep: record.nextStep)
        if !origins.isEmpty {
            for i in gates.indices { gates[i].satisfiedBy = gates[i].satisfiedBy.map { $0.fromLeadRecord(origins) } }
        }
        return Scoring(leadId: record.lead.id, applicable: applicable, answers: answers, trace: trace,
                       scores: ScoreLine.total(trace), gates: gates, flags: effects.flags, stops: effects.stops,
                       directRequest: directRequest, inactivity: inactivity, decay: decay)
    }

    /// The verdict the profile's thresholds give a scoring (its MQL and SQL rules and bands).
    public static func judge(_ s: Scoring, profile: Profile, rankingQuestions: Bool = true) -> Verdict {
        let (mql, mqlReason) = mqlRule(s.scores, profile: profile, directRequest: s.directRequest?.description)
        let kind = decide(fit: s.scores.fit, gatesMet: s.gates.allSatisfy(\.met), noTimeline: s.flags.contains(where: \.isNoTimeline),
                          hardStop: !s.stops.isEmpty, profile: profile)
        return Verdict(
            leadId: s.leadId, profile: profile.id, kind: kind, mql: mql, mqlReason: mqlReason,
            scores: s.scores, bands: bands(s.scores, profile: profile), gates: s.gates,
            hardStops: s.stops, flags: s.flags, trace: s.trace,
            askNext: rankingQuestions ? AskNext.rank(applicable: s.applicable, answers: s.answers,
                                                     missingGates: Set(s.gates.filter { !$0.met }.map(\.name))) : [])
    }

    /// Whether `candidate` scores a lead of profile `id` exactly as `current` does: the same
    /// questions (with their points, gates, flags, stops and conditions), the same signals, the
    /// same gates. Then a lead's scoring under one is its scoring under the other, and only the
    /// thresholds (`judge`) can tell the two models apart: a replay that moves a threshold
    /// scores each lead once. False when either model lacks the profile.
    public static func scoresAlike(_ current: Catalog, _ candidate: Catalog, profile id: String) -> Bool {
        guard let a = current.profile(id), let b = candidate.profile(id) else { return false }
        return a.sql.gates == b.sql.gates && current.signals == candidate.signals
            && current.questions(for: a) == candidate.questions(for: b)
    }

    /// SPEC §7, in this order: any hard stop → disqualify; every gate met and fit at or above
    /// `sql.min-fit` → sql-ready; a `no-timeline` flag with that fit → nurture; else not-yet.
    static func decide(fit: Int, gatesMet: Bool, noTimeline: Bool, hardStop: Bool, profile: Profile) -> VerdictKind {
        if hardStop { return .disqualify }
        let fitEnough = fit >= profile.sql.minFit
        if fitEnough && gatesMet { return .sqlReady }
        if fitEnough && noTimeline { return .nurture }
        return .notYet
    }

    /// MQL: fit at or above `mql.min-fit`, and fit + intent at or above `mql.min-total` or a
    /// `priority: high` signal (`directRequest`: the first one's description).
    static func mqlRule(_ s: ScoreDelta, profile: Profile, directRequest: String?) -> (Bool, String) {
        let rule = profile.mql
        let total = s.fit + s.intent
        guard s.fit >= rule.minFit else {
            return (false, "fit \(s.fit) is below the MQL minimum \(rule.minFit)")
        }
        if total >= rule.minTotal {
            return (true, "fit \(s.fit) ≥ \(rule.minFit) and fit + intent \(total) ≥ \(rule.minTotal)")
        }
        if let directRequest {
            return (true, "fit \(s.fit) ≥ \(rule.minFit) and a high-priority \(directRequest)")
        }
        return (false, "fit + intent \(total) is below the MQL total \(rule.minTotal) and no high-priority signal")
    }

    static func bands(_ s: ScoreDelta, profile: Profile) -> [ScoreKind: BandLevel] {
        var out: [ScoreKind: BandLevel] = [:]
        for kind in ScoreKind.allCases {
            let band = profile.bands[kind] ?? (kind == .intent ? defaultIntentBand : nil)
            if let band { out[kind] = level(s[kind], band) }
        }
        return out
    }

    public static func level(_ score: Int, _ band: Band) -> BandLevel {
        score >= band.high ? .high : score >= band.mid ? .mid : .low
    }

    /// Signals in time order, then by kind and id, so the trace never depends on storage order.
    static func signalOrder(_ a: SignalEvent, _ b: SignalEvent) -> Bool {
        if a.at != b.at { return a.at < b.at }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id < b.id
    }
}
