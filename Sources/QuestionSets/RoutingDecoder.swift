import DiscoveryCore
import Foundation
import Yams

/// Decodes `routing.yaml` (SPEC §11): named rules, first match wins, and the reps' capacity.
/// Question conditions in a `when` are returned as references for the cross-file checks.
struct RoutingDecoder {
    static let ruleKeys = ["name", "when", "owner", "pool"]
    static let fieldKeys = RoutingField.allCases.map(\.rawValue)
    static let whenKeys = fieldKeys + ConditionDecoder.keys

    let log: DiagnosticLog
    /// The profile ids the question sets define: a `profile:` value must be one of them.
    let profiles: [String]
    private(set) var references: [ConditionReference] = []

    init(log: DiagnosticLog, profiles: [String]) {
        self.log = log
        self.profiles = profiles
    }

    mutating func decode(_ root: Node) -> RoutingConfig? {
        guard let reader = MappingReader(root, what: "the routing file", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: ["routing", "capacity"])
        var config = RoutingConfig()
        if reader["routing"] == nil {
            log.error(line: reader.line, "the routing file has no 'routing:' list (write 'routing: []' for no rules)")
        }
        var names: [String: Int] = [:]
        var catchAll: (name: String, line: Int)?
        for (index, item) in (reader.list("routing") ?? []).enumerated() {
            guard var rule = MappingReader(item, what: "rule \(index + 1)", log: log) else { continue }
            let name = rule.identifier("name", missing: "rule \(index + 1) has no name (it is shown in the audit log and 'route --dry-run')")
            if let name { rule.what = "rule '\(name)'" }
            rule.rejectUnknownKeys(allowed: Self.ruleKeys)
            let when = rule["when"].map { decodeWhen($0, rule: rule.what, name: name ?? "\(index + 1)") } ?? []
            let target = decodeTarget(rule)
            guard let name, let when, let target else { continue }
            if let first = names[name] {
                log.error(line: rule.line, "duplicate rule name '\(name)' (first at line \(first))")
                continue
            }
            names[name] = rule.line
            if let catchAll {
                log.error(line: rule.line, "rule '\(name)' can never match: rule '\(catchAll.name)' (line \(catchAll.line)) before it has no 'when' and takes every lead; move it above or remove it")
            }
            let decoded = RoutingRule(name: name, when: when, target: target)
            if decoded.isCatchAll && catchAll == nil { catchAll = (name, rule.line) }
            config.rules.append(decoded)
        }
        if let capacity = reader["capacity"], let cap = MappingReader(capacity, what: "'capacity'", log: log) {
            cap.rejectUnknownKeys(allowed: ["per-owner-per-month"])
            if let n = cap.int("per-owner-per-month") {
                if n > 0 {
                    config.capacityPerOwnerPerMonth = n
                } else {
                    log.error(line: cap.line(of: "per-owner-per-month"), "'per-owner-per-month' of 'capacity' is \(n): give the number of new MQLs a rep can follow up a month (1 or more)")
                }
            }
        }
        return config
    }

    /// `owner: NAME` or `pool: [NAME, ...]`, exactly one.
    private func decodeTarget(_ rule: MappingReader) -> RoutingTarget? {
        switch (rule["owner"] != nil, rule["pool"] != nil) {
        case (true, true):
            log.error(line: rule.line, "\(rule.what) has both 'owner' and 'pool': give one")
            return nil
        case (false, false):
            log.error(line: rule.line, "\(rule.what) has no 'owner' or 'pool': say who gets the leads it matches")
            return nil
        case (true, false):
            guard let owner = rule.string("owner", missing: "\(rule.what) has an empty 'owner'") else { return nil }
            return Self.checkOwner(owner, line: rule.line(of: "owner"), what: rule.what, log: log) ? .owner(owner) : nil
        case (false, true):
            guard let items = rule.list("pool") else { return nil }
            var members: [String] = []
            for item in items {
                guard case .scalar(let scalar) = item, !item.isNull else {
                    log.error(line: item.line, "each member of the pool of \(rule.what) must be a name, not \(item.kindName)")
                    return nil
                }
                let name = scalar.string.trimmingCharacters(in: .whitespaces)
                guard Self.checkOwner(name, line: item.line, what: rule.what, log: log) else { return nil }
                if members.contains(name) {
                    log.error(line: item.line, "the pool of \(rule.what) lists '\(name)' twice")
                    return nil
                }
                members.append(name)
            }
            guard !members.isEmpty else {
                log.error(line: rule.line(of: "pool"), "the pool of \(rule.what) is empty: list at least one rep, or use 'owner: NAME'")
                return nil
            }
            return .pool(members)
        }
    }

    /// An owner is typed in the shell (`due --owner sam`): one word, no spaces or control characters.
    static func checkOwner(_ name: String, line: Int, what: String, log: DiagnosticLog) -> Bool {
        Identifier.check(name, line: line, as: "an owner of \(what)", log: log)
    }

    /// The `when` mapping: lead fields, and question conditions (`question`/`in`, `all`, `any`, `not`).
    private mutating func decodeWhen(_ node: Node, rule: String, name: String) -> [RoutingMatch]? {
        guard let reader = MappingReader(node, what: "'when' of \(rule)", log: log) else { return nil }
        var matches: [RoutingMatch] = []
        // An unknown key is reported by the reader that rejects it (below or in the condition decoder).
        var ok = reader.pairs.allSatisfy { Self.whenKeys.contains($0.key) }
        for field in RoutingField.allCases {
            guard let value = reader[field.rawValue] else { continue }
            let line = reader.line(of: field.rawValue)
            if field == .beds {
                guard let range = MappingReader(value, what: "'beds' of \(rule)", log: log) else { ok = false; continue }
                range.rejectUnknownKeys(allowed: ["min", "max"])
                let min = range.int("min"), max = range.int("max")
                if min == nil && max == nil {
                    log.error(line: line, "'beds' of \(rule) needs 'min', 'max' or both, e.g. { min: 200 }")
                    ok = false
                } else if let min, let max, min > max {
                    log.error(line: line, "'beds' of \(rule) has min \(min) above max \(max)")
                    ok = false
                } else {
                    matches.append(.beds(min: min, max: max))
                }
                continue
            }
            guard let values = Self.values(value, name: "'\(field.rawValue)' of \(rule)", log: log) else { ok = false; continue }
            if field == .profile {
                for v in values where !profiles.contains(v) {
                    log.error(line: line, "\(rule) matches profile '\(v)', which is not defined.\(Suggestion.hint(for: v, in: profiles)) Profiles: \(profiles.joined(separator: ", "))")
                    ok = false
                }
            }
            matches.append(.field(field, values))
        }
        if reader.pairs.contains(where: { ConditionDecoder.keys.contains($0.key) }) {
            var decoder = ConditionDecoder(log: log, setId: "routing", owner: "routing rule \(name)")
            if let condition = decoder.decode(node, alsoAllowing: Self.fieldKeys) {
                matches.append(.answers(condition))
                references += decoder.references
            } else {
                ok = false
            }
        } else {
            reader.rejectUnknownKeys(allowed: Self.whenKeys)
        }
        if ok && matches.isEmpty {
            log.error(line: reader.line, "'when' of \(rule) is empty: leave 'when' out for a catch-all rule, or name a field (\(Self.fieldKeys.joined(separator: ", "))) or a question")
            return nil
        }
        return ok ? matches : nil
    }

    /// `[a, b]` or a single value; each non-empty text.
    static func values(_ node: Node, name: String, log: DiagnosticLog) -> [String]? {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let seq): items = Array(seq)
        default:
            log.error(line: node.line, "\(name) must be a value or a list of values, not \(node.kindName)")
            return nil
        }
        var values: [String] = []
        for item in items {
            guard case .scalar(let s) = item, !item.isNull,
                  case let text = s.string.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                log.error(line: item.line, "each value of \(name) must be a single value, not \(item.kindName)")
                return nil
            }
            values.append(text)
        }
        if values.isEmpty {
            log.error(line: node.line, "\(name) is an empty list: list the values that match")
            return nil
        }
        return values
    }
}
