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
public struct Question: Sendable, Equatable, Hashable, Codable {
    /// The id within its set, e.g. `evaluation-window`.
    public var id: String
    public var setId: String
    public var ask: String
    public var why: String?
    public var type: QuestionType
    public var choices: [Choice]
    /// Counts when the question has any answer (for `yes-no`: a yes).
    public var score: ScoreDelta
    public var gate: String?
    public var flag: String?
    public var stop: ReasonCode?
    public var when: Condition?
    /// `then-ask-consent: true`: once this question is answered or skipped, the interview asks
    /// for the lead's and each contact's consent where it is still unknown.
    public var thenAskConsent: Bool = false
    /// `from-lead:`: the lead field that answers the question until the rep answers it.
    public var fromLead: LeadFieldSource?
    /// Where it is defined, for diagnostics.
    public var line: Int

    public init(id: String, setId: String, ask: String, why: String? = nil, type: QuestionType,
                choices: [Choice] = [], score: ScoreDelta = .zero, gate: String? = nil, flag: String? = nil,
                stop: ReasonCode? = nil, when: Condition? = nil, line: Int = 0) {
        self.id = id
        self.setId = setId
        self.ask = ask
        self.why = why
        self.type = type
        self.choices = choices
        self.score = score
        self.gate = gate
        self.flag = flag
        self.stop = stop
        self.when = when
        self.line = line
    }

    /// `set.question`.
    public var fullId: String { "\(setId).\(id)" }

    public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }
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
