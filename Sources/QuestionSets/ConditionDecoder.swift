import DiscoveryCore
import Foundation
import Yams

/// Decodes a `when` condition (SPEC §6): `{question: ID, in: [...]}`, `{question: ID, answered: true}`,
/// `{all: [...]}`, `{any: [...]}`, `{not: ...}`. A question id without a set (`org-type`) means
/// the question of the same set; it is stored in full (`fit.org-type`).
struct ConditionDecoder {
    static let keys = ["question", "in", "answered", "all", "any", "not"]

    let log: DiagnosticLog
    let setId: String
    /// The question carrying the `when` (`set.question`).
    let owner: String
    private(set) var references: [ConditionReference] = []

    init(log: DiagnosticLog, setId: String, owner: String) {
        self.log = log
        self.setId = setId
        self.owner = owner
    }

    /// `extra`: other keys the outermost mapping may hold (a routing rule's lead fields), left
    /// to the caller.
    mutating func decode(_ node: Node, alsoAllowing extra: [String] = []) -> Condition? {
        let what = "'when' of '\(owner)'"
        guard let reader = MappingReader(node, what: what, log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.keys + extra)
        let forms = ["all", "any", "not", "question"].filter { reader[$0] != nil }
        guard forms.count == 1, let form = forms.first else {
            if forms.isEmpty {
                log.error(line: reader.line, "\(what) needs 'question' (with 'in' or 'answered'), 'all', 'any' or 'not'")
            } else {
                log.error(line: reader.line, "\(what) mixes \(forms.map { "'\($0)'" }.joined(separator: " and ")): write one condition per mapping and combine them with 'all' or 'any'")
            }
            return nil
        }
        switch form {
        case "all", "any":
            guard let items = reader.list(form) else { return nil }
            if items.isEmpty {
                log.error(line: reader.line(of: form), "'\(form)' in \(what) is empty: list at least one condition")
                return nil
            }
            let parts = items.map { decode($0) }
            let decoded = parts.compactMap { $0 }
            guard decoded.count == parts.count else { return nil }
            return form == "all" ? .all(decoded) : .any(decoded)
        case "not":
            guard let inner = reader["not"], let condition = decode(inner) else { return nil }
            return .not(condition)
        default:
            return questionCondition(reader, what: what)
        }
    }

    private mutating func questionCondition(_ reader: MappingReader, what: String) -> Condition? {
        guard let raw = reader.string("question", missing: "\(what) has an empty 'question'") else { return nil }
        let line = reader.line(of: "question")
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy(Identifier.isValid) else {
            log.error(line: line, "\(what) refers to '\(raw)': write 'set.question' (e.g. 'fit.org-type') or a question id of the same set")
            return nil
        }
        let full = parts.count == 2 ? raw : "\(setId).\(raw)"
        let hasIn = reader["in"] != nil
        let hasAnswered = reader["answered"] != nil
        switch (hasIn, hasAnswered) {
        case (true, false):
            guard let values = inValues(reader, what: what) else { return nil }
            references.append(ConditionReference(owner: owner, question: full, values: values, line: line))
            return .answerIn(question: full, values: values)
        case (false, true):
            guard let answered = reader.bool("answered") else { return nil }
            references.append(ConditionReference(owner: owner, question: full, values: nil, line: line))
            return .answered(question: full, answered)
        case (true, true):
            log.error(line: reader.line, "\(what) has both 'in' and 'answered': use one")
        case (false, false):
            log.error(line: reader.line, "\(what) names question '\(raw)' but says nothing about it: add 'in: [choice, ...]' or 'answered: true'")
        }
        return nil
    }

    /// `in: [a, b]`, or a single value `in: a`.
    private func inValues(_ reader: MappingReader, what: String) -> [String]? {
        guard let node = reader["in"] else { return nil }
        if case .scalar(let scalar) = node, !node.isNull {
            let value = scalar.string.trimmingCharacters(in: .whitespaces)
            return Identifier.check(value, line: node.line, as: "'in' of \(what)", log: log) ? [value] : nil
        }
        guard let values = reader.identifierList("in") else { return nil }
        if values.isEmpty {
            log.error(line: reader.line(of: "in"), "'in' of \(what) is empty: list the choice ids that make the follow-up apply")
            return nil
        }
        return values.map(\.id)
    }
}
