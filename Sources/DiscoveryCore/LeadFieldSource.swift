/// `from-lead:` on a question: a field of the lead record (as `lead new --specialty ...` or
/// `import` fill it) that answers the question until the rep records an answer of their own.
///
/// A `choice` question maps the field's value to a choice id: `map` by value (compared in lower
/// case, blanks as `-`; a value not in the map is looked up again by its part before the first
/// `-`, so `US-MN` finds `us`), or, for `beds`, `at-least` (the choice with the highest minimum
/// the bed count reaches). A `number` question takes `beds` as it is; a `text` question takes the
/// field's text.
public struct LeadFieldSource: Sendable, Equatable, Hashable, Codable {
    /// The lead fields a question can be answered from.
    public static let fields = ["type", "specialty", "region", "beds", "source"]

    public var field: String
    /// Field value (normalised) → choice id.
    public var map: [String: String]
    /// Choice id → the fewest beds it takes (`field: beds` on a `choice` question).
    public var atLeast: [String: Int]

    public init(field: String, map: [String: String] = [:], atLeast: [String: Int] = [:]) {
        self.field = field
        self.map = map
        self.atLeast = atLeast
    }

    /// The field's value on `lead`, as text; `nil` when the lead has none.
    public func value(of lead: Lead) -> String? {
        switch field {
        case "type": return lead.type
        case "specialty": return lead.specialty
        case "region": return lead.region
        case "beds": return lead.beds.map(String.init)
        case "source": return lead.source
        default: return nil
        }
    }

    /// The answer the lead record gives `question`, or `nil` (no value, or none the map covers).
    public func answer(for question: Question, lead: Lead) -> AnswerValue? {
        guard let raw = value(of: lead)?.trimmingBlanks, !raw.isEmpty else { return nil }
        switch question.type {
        case .choice:
            if field == "beds", !atLeast.isEmpty {
                guard let beds = Int(raw) else { return nil }
                let reached = atLeast.filter { beds >= $0.value }.max { ($0.value, $1.key) < ($1.value, $0.key) }
                return reached.map { .choice($0.key) }
            }
            let key = Self.normalise(raw)
            let id = map[key] ?? key.split(separator: "-").first.flatMap { map[String($0)] }
            return id.flatMap { question.choice($0) != nil ? .choice($0) : nil }
        case .number:
            return Double(raw).map { .number($0) }
        case .text:
            return .text(raw)
        case .multi, .yesNo, .date, .contacts:
            return nil
        }
    }

    /// `Cardiovascular Surgery` → `cardiovascular-surgery`.
    public static func normalise(_ text: String) -> String {
        // Already in that form (lower-case letters, digits, dashes): the common case, as it is.
        if text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) { return text }
        return text.trimmingBlanks.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" }).joined(separator: "-")
    }
}

/// The answers the lead record gives, merged under the answers the rep recorded.
public enum LeadRecordAnswers {
    /// For each question with `from-lead` that the rep has not answered: the answer its lead
    /// field gives (`set.question` → value). Recorded answers always win.
    public static func derived(_ record: QualificationRecord, questions: [Question]) -> [String: AnswerValue] {
        var out: [String: AnswerValue] = [:]
        for q in questions {
            guard let source = q.fromLead, record.answers[q.fullId] == nil else { continue }
            if let value = source.answer(for: q, lead: record.lead) { out[q.fullId] = value }
        }
        return out
    }
}
