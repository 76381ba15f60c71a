/// Why a question is worth asking next, strongest first.
public enum AskImpact: Int, Sendable, Comparable {
    /// Its answer can close a missing gate or trigger a hard stop: it can change the verdict.
    case decisive = 0
    /// It can add fit points: a "verify" step (missing data costs nothing, but fit is unconfirmed).
    case verify = 1
    /// It can only move intent or readiness, or raise a flag.
    case points = 2
    /// It changes nothing the verdict reads.
    case none = 3

    public static func < (a: AskImpact, b: AskImpact) -> Bool { a.rawValue < b.rawValue }
}

/// One unanswered applicable question, with what answering it could change.
public struct AskNextItem: Sendable, Equatable {
    /// `set.question`.
    public var question: String
    public var ask: String
    public var impact: AskImpact
    /// E.g. `can close gate timeline`, `can trigger hard stop no-budget`, `verify fit: up to +10 fit`.
    public var reasons: [String]
    /// True for a fit question: answering it verifies fit.
    public var isVerification: Bool
}

/// Orders the unanswered applicable questions by how much answering them would change the
/// verdict: first those that can close a missing gate or trigger a hard stop (more gates first),
/// then fit questions (verification), then by the most points an answer could move, then in
/// interview order. Deterministic: ties keep the profile's order.
enum AskNext {
    static func rank(applicable: [Question], answers: [String: AnswerValue], missingGates: Set<String>) -> [AskNextItem] {
        var scored: [(item: AskNextItem, gates: Int, points: Int, order: Int)] = []
        for (order, q) in applicable.enumerated() where answers[q.fullId] == nil {
            let closes = missingGates.filter { q.carries(gate: $0) }.sorted()
            let stops = Verdict.unique(([q.stop] + q.choices.map(\.stop)).compactMap { $0 })
            let fit = maxGain(q, .fit)
            let points = ScoreKind.allCases.map { maxSwing(q, $0) }.reduce(0, +)
            let raisesFlag = q.flag != nil || q.choices.contains { $0.flag != nil }
            var reasons: [String] = closes.map { "can close gate \($0)" }
            reasons += stops.map { "can trigger hard stop \($0.rawValue)" }
            if fit > 0 { reasons.append("verify fit: up to +\(fit) fit") }
            for kind in [ScoreKind.intent, .readiness] where maxGain(q, kind) > 0 {
                reasons.append("up to +\(maxGain(q, kind)) \(kind.rawValue)")
            }
            if raisesFlag { reasons.append("can raise a flag") }
            let impact: AskImpact = !closes.isEmpty || !stops.isEmpty ? .decisive
                : fit > 0 ? .verify
                : points > 0 || raisesFlag ? .points : .none
            let item = AskNextItem(question: q.fullId, ask: q.ask, impact: impact, reasons: reasons,
                                   isVerification: fit > 0)
            scored.append((item, closes.count + stops.count, points, order))
        }
        scored.sort { a, b in
            if a.item.impact != b.item.impact { return a.item.impact < b.item.impact }
            if a.gates != b.gates { return a.gates > b.gates }
            if a.points != b.points { return a.points > b.points }
            return a.order < b.order
        }
        return scored.map(\.item)
    }

    /// The most one answer could add to `kind` (question-level score plus the best choice).
    static func maxGain(_ q: Question, _ kind: ScoreKind) -> Int {
        let best = q.choices.map { $0.score[kind] }.max() ?? 0
        return max(0, q.score[kind] + max(0, best))
    }

    /// The largest change, up or down, one answer could make to `kind`.
    static func maxSwing(_ q: Question, _ kind: ScoreKind) -> Int {
        let choiceSwing = q.choices.map { abs($0.score[kind]) }.max() ?? 0
        return abs(q.score[kind]) + choiceSwing
    }
}
