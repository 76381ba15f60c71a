import DiscoveryCore
import Foundation
import Yams

/// Reads one YAML mapping into typed values. Every problem goes to the log with the line of the
/// node at fault; a missing or malformed value reads as `nil` so decoding can go on and find more.
struct MappingReader {
    let pairs: [(key: String, keyLine: Int, value: Node)]
    let line: Int
    let log: DiagnosticLog
    /// How the mapping is named in messages: `question 'evaluation-window'`.
    var what: String

    /// `nil` (and an error) when `node` is not a mapping.
    init?(_ node: Node, what: String, log: DiagnosticLog) {
        self.line = node.line
        self.log = log
        self.what = what
        guard case .mapping(let mapping) = node else {
            log.error(line: node.line, "\(what) must be a mapping of 'key: value' lines, not \(node.kindName)")
            return nil
        }
        pairs = mapping.map { (key: $0.key.string ?? "", keyLine: $0.key.line, value: $0.value) }
    }

    subscript(key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func rejectUnknownKeys(allowed: [String]) {
        for (key, keyLine, _) in pairs where !allowed.contains(key) {
            let hint = Suggestion.hint(for: key, in: allowed)
            log.error(line: keyLine, "unknown key '\(key)' in \(what).\(hint) Allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// The line of `key`, or of the mapping when the key is absent.
    func line(of key: String) -> Int { pairs.first { $0.key == key }?.keyLine ?? line }

    /// A text value; `nil` when absent or empty (reported as `missing` when given).
    func string(_ key: String, missing: String? = nil) -> String? {
        guard let node = self[key], !node.isNull else {
            if let missing { log.error(line: line, missing) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            log.error(line: node.line, "'\(key)' of \(what) must be text, not \(node.kindName)")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if let missing { log.error(line: node.line, missing) }
            return nil
        }
        return text
    }

    /// An identifier: letters, digits, `-` and `_`. Kept as written (`no` and `0123` stay text).
    func identifier(_ key: String, missing: String? = nil) -> String? {
        guard let text = string(key, missing: missing) else { return nil }
        return Identifier.check(text, line: line(of: key), as: "'\(key)' of \(what)", log: log) ? text : nil
    }

    /// A whole number.
    func int(_ key: String) -> Int? {
        guard let node = self[key], !node.isNull else { return nil }
        return Self.int(node, named: "'\(key)' of \(what)", log: log)
    }

    static func int(_ node: Node, named name: String, log: DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            log.error(line: node.line, "\(name) must be a whole number, not '\(node.display)'")
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`).
    func bool(_ key: String) -> Bool? {
        guard let node = self[key] else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error(line: node.line, "'\(key)' of \(what) must be true or false, not '\(node.display)'")
            return nil
        }
    }

    /// A list; a missing key reads as `nil`.
    func list(_ key: String) -> [Node]? {
        guard let node = self[key], !node.isNull else { return nil }
        guard case .sequence(let sequence) = node else {
            log.error(line: node.line, "'\(key)' of \(what) must be a list ('- item' lines or [a, b]), not \(node.kindName)")
            return nil
        }
        return Array(sequence)
    }

    /// A list of identifiers, each checked, with its line.
    func identifierList(_ key: String) -> [(id: String, line: Int)]? {
        guard let items = list(key) else { return nil }
        return items.compactMap { item in
            guard case .scalar(let scalar) = item, !item.isNull else {
                log.error(line: item.line, "each entry of '\(key)' in \(what) must be a single word, not \(item.kindName)")
                return nil
            }
            let id = scalar.string.trimmingCharacters(in: .whitespaces)
            guard Identifier.check(id, line: item.line, as: "'\(key)' entry of \(what)", log: log) else { return nil }
            return (id, item.line)
        }
    }
}

/// The words sales ops may use as ids, gate and flag names: they are typed in the shell.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isWordCharacter(first), first != "-" else { return false }
        return text.unicodeScalars.allSatisfy(isWordCharacter)
    }

    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
    }

    /// Reports `text` when it is not a valid identifier.
    static func check(_ text: String, line: Int, as name: String, log: DiagnosticLog) -> Bool {
        if isValid(text) { return true }
        log.error(line: line, "\(name) is '\(text)': use only letters, digits, '-' and '_' (no spaces or dots), starting with a letter or digit")
        return false
    }
}

extension Node {
    /// 1-based line of the node.
    var line: Int { mark?.line ?? 1 }

    /// A plain empty value, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let s) = self else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The node as shown in a message: the scalar's text, else its kind.
    var display: String {
        if case .scalar(let s) = self { return s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string }
        return kindName
    }
}
