/// The type of answer a question takes.
public enum QuestionType: String, CaseIterable, Sendable, Codable {
    case text, choice, multi
    case yesNo = "yes-no"
    case number, date, contacts
}

/// One offered answer of a `choice` or `multi` question.
public struct Choice: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var label: String
    public var score: ScoreDelta
    public var gate: String?
    public var flag: String?
    public var stop: ReasonCode?

    public init(id: String, label: String, score: ScoreDelta = .zero, gate: String? = nil,
                flag: String? = nil, stop: ReasonCode? = nil) {
        self.id = id
        self.label = label
        self.score = score
        self.gate = gate
        self.flag = flag
        self.stop = stop
    }
}

/// One discovery question. Its full id is `set.question`.
///
/// A value, stored in one shared box that is copied only when a copy is changed: the verdict
/// engine passes every lead's questions through arrays, filters and loops, and a question has a
/// dozen strings and arrays that would otherwise each be retained and released at every copy.
/// The full id and the gates it carries are computed once, not at each of the many lookups a
/// verdict makes.
public struct Question: Sendable, Equatable, Hashable, Codable {
    /// The stored fields; `Codable` as they are, so a question's JSON is unchanged.
    struct Fields: Sendable, Equatable, Hashable, Codable {
        var id: String
        var setId: String
        var ask: String
        var why: String?
        var type: QuestionType
        var choices: [Choice]
        var score: ScoreDelta
        var gate: String?
        var flag: String?
        var stop: ReasonCode?
        var when: Condition?
        var thenAskConsent: Bool = false
        var fromLead: LeadFieldSource?
        var line: Int

        var fullId: String { "\(setId).\(id)" }
    }

    private final class Box: Sendable {
        let fields: Fields
        let fullId: String
        /// The question's gate and its choices' gates, each once.
        let gates: [String]

        init(_ fields: Fields) {
            self.fields = fields
            fullId = fields.fullId
            var gates: [String] = []
            for gate in [fields.gate] + fields.choices.map(\.gate) {
                if let gate, !gates.contains(gate) { gates.append(gate) }
            }
            self.gates = gates
        }
    }

    /// The gates the question or one of its choices carries, each once.
    var carriedGates: [String] { box.gates }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    public init(id: String, setId: String, ask: String, why: String? = nil, type: QuestionType,
                choices: [Choice] = [], score: ScoreDelta = .zero, gate: String? = nil, flag: String? = nil,
                stop: ReasonCode? = nil, when: Condition? = nil, line: Int = 0) {
        box = Box(Fields(id: id, setId: setId, ask: ask, why: why, type: type, choices: choices, score: score,
                         gate: gate, flag: flag, stop: stop, when: when, line: line))
    }

    /// The id within its set, e.g. `evaluation-window`.
    public var id: String { get { box.fields.id } set { fields.id = newValue } }
    public var setId: String { get { box.fields.setId } set { fields.setId = newValue } }
    public var ask: String { get { box.fields.ask } set { fields.ask = newValue } }
    public var why: String? { get { box.fields.why } set { fields.why = newValue } }
    public var type: QuestionType { get { box.fields.type } set { fields.type = newValue } }
    public var choices: [Choice] { get { box.fields.choices } set { fields.choices = newValue } }
    /// Counts when the question has any answer (for `yes-no`: a yes).
    public var score: ScoreDelta { get { box.fields.score } set { fields.score = newValue } }
    public var gate: String? { get { box.fields.gate } set { fields.gate = newValue } }
    public var flag: String? { get { box.fields.flag } set { fields.flag = newValue } }
    public var stop: ReasonCode? { get { box.fields.stop } set { fields.stop = newValue } }
    public var when: Condition? { get { box.fields.when } set { fields.when = newValue } }
    /// `then-ask-consent: true`: once this question is answered or skipped, the interview asks
    /// for the lead's and each contact's consent where it is still unknown.
    public var thenAskConsent: Bool { get { box.fields.thenAskConsent } set { fields.thenAskConsent = newValue } }
    /// `from-lead:`: the lead field that answers the question until the rep answers it.
    public var fromLead: LeadFieldSource? { get { box.fields.fromLead } set { fields.fromLead = newValue } }
    /// Where it is defined, for diagnostics.
    public var line: Int { get { box.fields.line } set { fields.line = newValue } }

    /// `set.question`.
    public var fullId: String { box.fullId }

    public func choice(_ id: String) -> Choice? { box.fields.choices.first { $0.id == id } }

    public static func == (a: Question, b: Question) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
    public init(from decoder: Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try box.fields.encode(to: encoder) }
}

/// A question set: one YAML file of `question-sets/`.
public struct QuestionSet: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var questions: [Question]
    /// The file it was read from, for diagnostics.
    public var file: String

    public init(id: String, title: String, questions: [Question], file: String = "") {
        self.id = id
        self.title = title
        self.questions = questions
        self.file = file
    }
}

extension QuestionType: FixedListValue {
    public static let valueName = "type"
    public static let listName = "Types"
}
