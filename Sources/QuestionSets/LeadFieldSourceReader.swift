import DiscoveryCore
import Yams

/// `from-lead: { field: specialty, map: { cardiology: cardiovascular } }` or, for beds on a
/// choice question, `from-lead: { field: beds, at-least: { large: 300, medium: 100, small: 0 } }`.
/// Checks the field, that the question type can take it, and that every mapped choice exists.
enum LeadFieldSourceReader {
    static let keys = ["field", "map", "at-least"]

    static func read(_ node: Node, question q: Question, typeKnown: Bool, log: DiagnosticLog) -> LeadFieldSource? {
        let owner = "'from-lead' of question '\(q.id)'"
        guard let reader = MappingReader(node, what: owner, log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: keys)
        let fields = LeadFieldSource.fields
        guard let field = reader.string("field", missing: "\(owner) has no 'field' (one of \(fields.joined(separator: ", ")))") else {
            return nil
        }
        guard fields.contains(field) else {
            log.error(line: reader.line(of: "field"), "\(owner) names unknown lead field '\(field)'.\(Suggestion.hint(for: field, in: fields)) Fields: \(fields.joined(separator: ", "))")
            return nil
        }
        var source = LeadFieldSource(field: field)
        var ok = true
        if let mapNode = reader["map"], let map = MappingReader(mapNode, what: "the 'map' of \(owner)", log: log) {
            for (key, keyLine, value) in map.pairs {
                guard let id = value.scalar?.string, !id.isEmpty else {
                    log.error(line: value.line, "'\(key)' in the 'map' of \(owner) must name a choice id")
                    ok = false
                    continue
                }
                if q.choice(id) == nil {
                    let ids = q.choices.map(\.id)
                    log.error(line: keyLine, "the 'map' of \(owner) maps '\(key)' to '\(id)', which is not a choice of '\(q.id)'.\(Suggestion.hint(for: id, in: ids)) Choices: \(ids.joined(separator: ", "))")
                    ok = false
                }
                source.map[LeadFieldSource.normalise(key)] = id
            }
        }
        if let atNode = reader["at-least"], let atLeast = MappingReader(atNode, what: "the 'at-least' of \(owner)", log: log) {
            if field != "beds" {
                log.error(line: reader.line(of: "at-least"), "'at-least' in \(owner) only goes with 'field: beds' (a number); use 'map' for \(field)")
                ok = false
            }
            for (key, keyLine, _) in atLeast.pairs {
                if q.choice(key) == nil {
                    log.error(line: keyLine, "the 'at-least' of \(owner) names '\(key)', which is not a choice of '\(q.id)'. Choices: \(q.choices.map(\.id).joined(separator: ", "))")
                    ok = false
                    continue
                }
                guard let minimum = atLeast.int(key) else { ok = false; continue }
                source.atLeast[key] = minimum
            }
        }
        guard typeKnown else { return nil }
        switch q.type {
        case .choice:
            if source.map.isEmpty && source.atLeast.isEmpty {
                log.error(line: reader.line, "\(owner) needs a 'map' from \(field) values to choice ids\(field == "beds" ? " (or 'at-least: { choice: beds }')" : "") to answer a choice question")
                ok = false
            }
        case .number:
            if field != "beds" {
                log.error(line: reader.line, "\(owner): a number question can only be answered from 'beds'")
                ok = false
            }
        case .text:
            break
        case .multi, .yesNo, .date, .contacts:
            log.error(line: reader.line, "\(owner): a '\(q.type.rawValue)' question cannot be answered from a lead field (only choice, number and text questions can)")
            ok = false
        }
        return ok ? source : nil
    }
}
