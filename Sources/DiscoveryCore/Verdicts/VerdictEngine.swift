import Foundation

/// The verdict engine: a pure function of a lead's record, the catalog, its profile and the clock.
/// No I/O; the same input always gives the same verdict, and every point is traced.
public enum VerdictEngine {
    /// The intent band used when a profile gives none (the SPEC's example thresholds).
    public static let defaultIntentBand = Band(mid: 20, high: 50)

    /// `rankingQuestions: false` leaves `askNext` empty: a report that only counts verdicts and
    /// scores need not rank every lead's open questions.
    public static func evaluate(_ record: QualificationRecord, catalog: Catalog, profile: Profile, now: Date,
                                rankingQuestions: Bool = true) -> Verdict {
        let questions = catalog.questions(for: profile)
        // Answers the lead record gives (`from-lead`) count like recorded ones, marked as such.
        let derived = LeadRecordAnswers.derived(record, questions: questions)
        let answers = derived.isEmpty ? record.answers : record.answers.merging(derived) { recorded, _ in recorded }
        var origins: [String: (field: String, value: String)] = [:]
        for q in questions where !derived.isEmpty && derived[q.fullId] != nil {
            if let source = q.fromLead, let value = source.value(of: record.lead) { origins[q.fullId] = (source.field, value) }
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
        if let decay = Inactivity.line(record, catalog: catalog, now: now) { trace.append(decay) }
        let scores = ScoreLine.total(trace)

        var gates = GateEvaluation.evaluate(profile.sql.gates, applicable: applicable, answers: answers,
                                            nextStep: record.nextStep)
        if !origins.isEmpty {
            for i in gates.indices { gates[i].satisfiedBy = gates[i].satisfiedBy.map { $0.fromLeadRecord(origins) } }
        }
        let (mql, mqlReason) = mqlRule(scores, profile: profile, directRequest: directRequest)
        let kind = decide(scores: scores, gates: gates, flags: effects.flags, stops: effects.stops, profile: profile)
        let missing = Set(gates.filter { !$0.met }.map(\.name))
        return Verdict(
            leadId: record.lead.id, profile: profile.id, kind: kind, mql: mql, mqlReason: mqlReason,
            scores: scores, bands: bands(scores, profile: profile), gates: gates,
            hardStops: effects.stops, flags: effects.flags, trace: trace,
            askNext: rankingQuestions ? AskNext.rank(applicable: applicable, answers: answers, missingGates: missing) : [])
    }

    /// SPEC §7, in this order: any hard stop → disqualify; every gate met and fit at or above
    /// `sql.min-fit` → sql-ready; a `no-timeline` flag with that fit → nurture; else not-yet.
    static func decide(scores: ScoreDelta, gates: [GateStatus], flags: [FlagHit], stops: [HardStop],
                       profile: Profile) -> VerdictKind {
        if !stops.isEmpty { return .disqualify }
        let fitEnough = scores.fit >= profile.sql.minFit
        if fitEnough && gates.allSatisfy(\.met) { return .sqlReady }
        if fitEnough && flags.contains(where: { $0.name == "no-timeline" }) { return .nurture }
        return .notYet
    }

    /// MQL: fit at or above `mql.min-fit`, and fit + intent at or above `mql.min-total` or a
    /// `priority: high` signal.
    static func mqlRule(_ s: ScoreDelta, profile: Profile, directRequest: TraceSource?) -> (Bool, String) {
        let rule = profile.mql
        let total = s.fit + s.intent
        guard s.fit >= rule.minFit else {
            return (false, "fit \(s.fit) is below the MQL minimum \(rule.minFit)")
        }
        if total >= rule.minTotal {
            return (true, "fit \(s.fit) ≥ \(rule.minFit) and fit + intent \(total) ≥ \(rule.minTotal)")
        }
        if let directRequest {
            return (true, "fit \(s.fit) ≥ \(rule.minFit) and a high-priority \(directRequest.description)")
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
