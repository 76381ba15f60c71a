import Foundation

/// What caused a point, a gate, a flag or a hard stop: the answer, choice, signal or rule behind it.
public enum TraceSource: Sendable, Equatable, Hashable {
    /// A question-level effect of an answer (`set.question`, its text, the answer as given).
    case answer(question: String, ask: String, value: String)
    /// A chosen choice of a `choice` / `multi` question.
    case choice(question: String, ask: String, choice: String, label: String)
    /// A recorded engagement signal.
    case signal(kind: String, label: String, at: Date)
    /// The inactivity rule: no activity since `since`, `days` ago, `months` full months past 90
    /// days, of which `logged` were already recorded as signals.
    case inactivity(since: Date, days: Int, months: Int, logged: Int)
    /// The open next step (the built-in `next-step` gate).
    case nextStep(action: NextAction, owner: String, due: Date)
    /// An answer the lead record gives (`from-lead`): the lead field and its value, and the
    /// answer or choice it stands for.
    indirect case leadRecord(field: String, value: String, source: TraceSource)

    /// The question this source is an answer to, if any.
    public var question: String? {
        switch self {
        case .answer(let q, _, _), .choice(let q, _, _, _): return q
        case .leadRecord(_, _, let source): return source.question
        case .signal, .inactivity, .nextStep: return nil
        }
    }

    /// One line a rep can read: `timeline.evaluation-window "Is there ...?" = this-quarter (Within this quarter)`.
    public var description: String {
        switch self {
        case .answer(let q, let ask, let value):
            return "\(q) \"\(ask)\" = \(value)"
        case .choice(let q, let ask, let choice, let label):
            return "\(q) \"\(ask)\" = \(choice) (\(label))"
        case .signal(let kind, let label, let at):
            return "signal \(kind) (\(label)) on \(Dates.day(at))"
        case .inactivity(let since, let days, let months, let logged):
            let already = logged == 0 ? "" : ", \(logged) already logged as a signal"
            return "no activity for \(days) days, since \(Dates.day(since)) (\(months) full month\(months == 1 ? "" : "s") past 90 days\(already))"
        case .nextStep(let action, let owner, let due):
            return "next step \(action.rawValue), owner \(owner), due \(Dates.day(due))"
        case .leadRecord(let field, let value, let source):
            return "\(source.description), from the lead record (\(field) \(value))"
        }
    }
}

/// Points added to one score by one source. A verdict's scores are exactly the sums of its lines.
public struct ScoreLine: Sendable, Equatable {
    public var kind: ScoreKind
    public var points: Int
    public var source: TraceSource

    public init(kind: ScoreKind, points: Int, source: TraceSource) {
        self.kind = kind
        self.points = points
        self.source = source
    }

    /// Appends one line per non-zero part of `delta`, in fit, intent, readiness order.
    static func append(_ delta: ScoreDelta, from source: TraceSource, to lines: inout [ScoreLine]) {
        for kind in ScoreKind.allCases where delta[kind] != 0 {
            lines.append(ScoreLine(kind: kind, points: delta[kind], source: source))
        }
    }

    /// The sums of `lines`, per score.
    static func total(_ lines: [ScoreLine]) -> ScoreDelta {
        var sum = ScoreDelta.zero
        for line in lines { sum[line.kind] += line.points }
        return sum
    }
}

extension TraceSource {
    /// This source marked as coming from the lead record when its question is answered by a
    /// lead field (`derived`: `set.question` → the `from-lead` field and value).
    func fromLeadRecord(_ derived: [String: (field: String, value: String)]) -> TraceSource {
        guard let q = question, let origin = derived[q] else { return self }
        if case .leadRecord = self { return self }
        return .leadRecord(field: origin.field, value: origin.value, source: self)
    }
}
