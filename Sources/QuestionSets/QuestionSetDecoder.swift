import DiscoveryCore
import Yams

/// A `when` reference as written, kept with its line for the checks across files.
struct ConditionReference {
    /// The question carrying the `when` (`set.question`).
    let owner: String
    /// The question referred to, made full (`set.question`).
    let question: String
    /// The `in: [...]` values, when the condition lists some.
    let values: [String]?
    let line: Int
}

/// A decoded set with what the cross-file checks need to point at lines.
struct DecodedSet {
    var set: QuestionSet
    /// Line of the `set:` key.
    var line: Int
    var references: [ConditionReference]
    /// Questions whose type could not be read (`set.question`).
    var incomplete: Set<String>
}

/// Decodes one question-set file (SPEC §6) into a `QuestionSet`, logging every problem.
struct QuestionSetDecoder {
    static let setKeys = ["set", "title", "questions"]
    static let questionKeys = ["id", "ask", "why", "type", "choices", "score", "gate", "flag", "stop", "when", "then-ask-consent", "from-lead"]
    static let choiceKeys = ["id", "label", "score", "gate", "flag", "stop"]

    let log: DiagnosticLog
    private var references: [ConditionReference] = []
    /// Questions whose type could not be read (`set.question`): references to them are not checked further.
    private var incomplete: Set<String> = []

    init(log: DiagnosticLog) {
        self.log = log
    }

    mutating func decode(_ root: Node) -> DecodedSet? {
        guard var reader = MappingReader(root, what: "the question set", log: log) else { return nil }
        let id = reader.identifier("set", missing: "missing 'set: ID' (the set's id, e.g. 'set: timeline')")
        let name = id.map { "set '\($0)'" } ?? "the set"
        reader.what = name
        reader.rejectUnknownKeys(allowed: Self.setKeys)
        let title = reader.string("title", missing: "\(name) has no title (e.g. 'title: Timeline and urgency')")
        guard let items = reader.list("questions") else {
            log.error(line: reader.line, "\(name) has no questions: add a 'questions:' list")
            return nil
        }
        if items.isEmpty { log.error(line: reader.line(of: "questions"), "\(name) has an empty 'questions' list") }
        let setId = id ?? "?"
        let ofSet = id.map { " of set '\($0)'" } ?? ""
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let q = question(item, number: index + 1, setId: setId, ofSet: ofSet) else { continue }
            if let first = seen[q.id] {
                log.error(line: q.line, "duplicate question id '\(q.id)' in \(name) (first at line \(first))")
                continue
            }
            seen[q.id] = q.line
            questions.append(q)
        }
        // A set with other problems is still returned, so the checks across files see its questions
        // and do not report follow-on errors; the load fails anyway.
        guard let id else { return nil }
        let set = QuestionSet(id: id, title: title ?? "", questions: questions, file: log.file)
        return DecodedSet(set: set, line: reader.line(of: "set"), references: references, incomplete: incomplete)
    }

    private mutating func question(_ node: Node, number: Int, setId: String, ofSet: String) -> Question? {
        guard var reader = MappingReader(node, what: "question \(number)\(ofSet)", log: log) else { return nil }
        let id = reader.identifier("id", missing: "question \(number)\(ofSet) has no id")
        if let id { reader.what = "question '\(id)'" }
        reader.rejectUnknownKeys(allowed: Self.questionKeys)
        let name = reader.what
        let ask = reader.string("ask", missing: "\(name) has no 'ask' (the question as the rep reads it out)")
        let why = reader.string("why")
        let type = questionType(reader, name: name)
        let choices = self.choices(reader, questionName: id.map { "'\($0)'" } ?? "question \(number)", type: type)
        let marks = Marks.read(reader)
        var condition: Condition?
        if let whenNode = reader["when"], let id {
            var conditions = ConditionDecoder(log: log, setId: setId, owner: "\(setId).\(id)")
            condition = conditions.decode(whenNode)
            references += conditions.references
        }
        // Kept even when incomplete, so references to it and the gates it carries cause no follow-on errors.
        guard let id else { return nil }
        if type == nil { incomplete.insert("\(setId).\(id)") }
        var question = Question(id: id, setId: setId, ask: ask ?? "", why: why, type: type ?? .text, choices: choices ?? [],
                                score: marks.score, gate: marks.gate, flag: marks.flag, stop: marks.stop,
                                when: condition, line: reader.line)
        question.thenAskConsent = reader.bool("then-ask-consent") ?? false
        if let node = reader["from-lead"] {
            question.fromLead = LeadFieldSourceReader.read(node, question: question, typeKnown: type != nil, log: log)
        }
        return question
    }

    private func questionType(_ reader: MappingReader, name: String) -> QuestionType? {
        let all = QuestionType.words.joined(separator: ", ")
        guard let raw = reader.string("type", missing: "\(name) has no type: use one of \(all)") else { return nil }
        // Exactly as written: question sets are files, not typing.
        guard let type = QuestionType(rawValue: raw) else {
            log.error(line: reader.line(of: "type"), "\(name) has unknown type '\(raw)'.\(QuestionType.choices(for: raw))")
            return nil
        }
        return type
    }

    /// The offered answers; only `choice` and `multi` questions have them, and they must.
    private func choices(_ reader: MappingReader, questionName: String, type: QuestionType?) -> [Choice]? {
        let takesChoices = type == .choice || type == .multi
        guard let items = reader.list("choices") else {
            if takesChoices {
                log.error(line: reader.line, "\(reader.what) is a '\(type?.rawValue ?? "")' question but has no 'choices' list")
            }
            return nil
        }
        if let type, !takesChoices {
            log.error(line: reader.line(of: "choices"), "\(reader.what) of type '\(type.rawValue)' cannot have choices: only 'choice' and 'multi' questions offer them")
        }
        if items.isEmpty { log.error(line: reader.line(of: "choices"), "\(reader.what) has an empty 'choices' list") }
        var result: [Choice] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let choiceReader = MappingReader(item, what: "choice \(index + 1) of \(questionName)", log: log) else { continue }
            guard let (choice, line) = choice(choiceReader, number: index + 1, questionName: questionName) else { continue }
            if let first = seen[choice.id] {
                log.error(line: line, "duplicate choice id '\(choice.id)' in \(questionName) (first at line \(first))")
                continue
            }
            seen[choice.id] = line
            result.append(choice)
        }
        return result
    }

    private func choice(_ reader: MappingReader, number: Int, questionName: String) -> (Choice, Int)? {
        var reader = reader
        let id = reader.identifier("id", missing: "choice \(number) of \(questionName) has no id")
        if let id { reader.what = "choice '\(id)' of \(questionName)" }
        reader.rejectUnknownKeys(allowed: Self.choiceKeys)
        let label = reader.string("label", missing: "\(reader.what) has no label")
        let marks = Marks.read(reader)
        guard let id else { return nil }
        return (Choice(id: id, label: label ?? "", score: marks.score, gate: marks.gate, flag: marks.flag, stop: marks.stop), reader.line)
    }
}

/// `score`, `gate`, `flag` and `stop`, as carried by a question or a choice.
struct Marks {
    var score = ScoreDelta.zero
    var gate: String?
    var flag: String?
    var stop: ReasonCode?

    static func read(_ reader: MappingReader) -> Marks {
        var marks = Marks()
        if let node = reader["score"] { marks.score = ScoreReader.read(node, owner: reader.what, log: reader.log) ?? .zero }
        marks.gate = reader.identifier("gate")
        marks.flag = reader.identifier("flag")
        if let raw = reader.string("stop") {
            marks.stop = ReasonCodeReader.read(raw, line: reader.line(of: "stop"), owner: reader.what, log: reader.log)
        }
        return marks
    }
}

/// `score: { fit: 10, intent: 5, readiness: -5 }`.
enum ScoreReader {
    /// Points one answer or signal may give or take: keeps every sum far from overflow.
    static let limit = -1000...1000

    static func read(_ node: Node, owner: String, log: DiagnosticLog) -> ScoreDelta? {
        guard let reader = MappingReader(node, what: "the score of \(owner)", log: log) else { return nil }
        let kinds = ScoreKind.allCases.map(\.rawValue)
        reader.rejectUnknownKeys(allowed: kinds)
        var delta = ScoreDelta.zero
        for kind in ScoreKind.allCases {
            guard let points = reader.int(kind.rawValue) else { continue }
            guard limit.contains(points) else {
                log.error(line: reader.line(of: kind.rawValue), "'\(kind.rawValue)' of the score of \(owner) is \(points): points must be between \(limit.lowerBound) and \(limit.upperBound)")
                continue
            }
            delta[kind] = points
        }
        return delta
    }
}

/// `stop: REASON-CODE`, one of the disqualification codes of SPEC §5.
enum ReasonCodeReader {
    static func read(_ raw: String, line: Int, owner: String, log: DiagnosticLog) -> ReasonCode? {
        let codes = ReasonCode.allCases.filter { !$0.requiresNote }.map(\.rawValue)
        if let code = ReasonCode(rawValue: raw), !code.requiresNote { return code }
        if ReasonCode(rawValue: raw)?.requiresNote == true {
            log.error(line: line, "'stop: \(raw)' in \(owner) needs a note, so it cannot be a hard stop: use a specific reason code (\(codes.joined(separator: ", ")))")
            return nil
        }
        log.error(line: line, "unknown reason code '\(raw)' in 'stop' of \(owner).\(ReasonCode.choices(for: raw, among: codes, heading: "Codes"))")
        return nil
    }
}
