// libyaml's event API, from the copy Yams builds (its `CYaml` target, which Yams does not offer as
// a product, so Package.swift cannot name it). Yams's public API gives only composed trees, and
// composing is where an alias bomb or a duplicate key costs or is lost: this pass must run first.
import CYaml

/// A first pass over a file's YAML events, before any tree is built. It reports malformed YAML,
/// refuses anchors and aliases up front (an alias bomb is rejected at its first anchor, before
/// anything is expanded) and finds duplicate and non-scalar keys, all with their lines.
enum YAMLPrescan {
    private enum Frame {
        case sequence
        /// Keys seen so far (key → line), and whether the next node is a key.
        case mapping(keys: [String: Int], expectingKey: Bool)
    }

    static func check(_ text: String, log: DiagnosticLog) {
        var bytes = Array(text.utf8)
        bytes.append(0)  // never an empty buffer; libyaml reads only `count - 1` bytes
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                log.error(line: 1, "could not start the YAML reader (out of memory?)")
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            scan(&parser, log: log)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t, log: DiagnosticLog) {
        var stack: [Frame] = []
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // An unterminated quote or bracket runs to the end of the file: point at where it began.
                let atEnd = parser.context != nil && parser.problem.map { String(cString: $0).contains("end of stream") } == true
                let mark = atEnd ? parser.context_mark : parser.problem_mark
                log.error(line: Int(mark.line) + 1, syntaxMessage(parser))
                return
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    log.error(line: line, "only one YAML document per file: remove the second '---'")
                    return
                }
            case YAML_ALIAS_EVENT:
                log.error(line: line, "YAML aliases ('*name') are not allowed in question sets: write the value out in full")
                return
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { return refuseAnchor(line, log) }
                let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                node(&stack, key: value, line: line, log: log)
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil { return refuseAnchor(line, log) }
                node(&stack, key: nil, line: line, log: log)
                stack.append(.sequence)
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil { return refuseAnchor(line, log) }
                node(&stack, key: nil, line: line, log: log)
                stack.append(.mapping(keys: [:], expectingKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = stack.popLast()
            default:
                break
            }
        }
    }

    /// Accounts for one node in its parent: in a mapping, every other node is a key.
    private static func node(_ stack: inout [Frame], key: String?, line: Int, log: DiagnosticLog) {
        guard case .mapping(var keys, let expectingKey)? = stack.last else { return }
        if expectingKey {
            if let key {
                if let first = keys[key] {
                    log.error(line: line, "duplicate key '\(key)' (first at line \(first))")
                } else {
                    keys[key] = line
                }
            } else {
                log.error(line: line, "a key must be a plain word, not a list or a mapping")
            }
        }
        stack[stack.count - 1] = .mapping(keys: keys, expectingKey: !expectingKey)
    }

    private static func refuseAnchor(_ line: Int, _ log: DiagnosticLog) {
        log.error(line: line, "YAML anchors ('&name') and aliases are not allowed in question sets: write the value out in full")
    }

    private static func syntaxMessage(_ parser: yaml_parser_t) -> String {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        if problem.hasPrefix("Maximum nesting level") { return "the YAML is nested too deeply (more than 1000 levels)" }
        let context = parser.context.map { " " + String(cString: $0) } ?? ""
        return "malformed YAML: \(problem)\(context) (check the indentation and quoting)"
    }
}
