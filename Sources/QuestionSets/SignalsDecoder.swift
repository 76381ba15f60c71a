import DiscoveryCore
import Yams

/// Decodes `signals.yaml` (SPEC §7).
struct SignalsDecoder {
    static let keys = ["id", "label", "score", "priority", "requalify"]

    let log: DiagnosticLog

    func decode(_ root: Node) -> [SignalDefinition]? {
        guard let reader = MappingReader(root, what: "the signals file", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: ["signals"])
        guard let items = reader.list("signals") else {
            log.error(line: reader.line, "the signals file has no 'signals:' list")
            return nil
        }
        var result: [SignalDefinition] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard var signal = MappingReader(item, what: "signal \(index + 1)", log: log) else { continue }
            let id = signal.identifier("id", missing: "signal \(index + 1) has no id")
            if let id { signal.what = "signal '\(id)'" }
            signal.rejectUnknownKeys(allowed: Self.keys)
            let label = signal.string("label", missing: "\(signal.what) has no label")
            let score = signal["score"].flatMap { ScoreReader.read($0, owner: signal.what, log: log) } ?? .zero
            var priority = SignalDefinition.Priority.normal
            if let raw = signal.string("priority") {
                guard let p = SignalDefinition.Priority(rawValue: raw) else {
                    log.error(line: signal.line(of: "priority"), "\(signal.what) has priority '\(raw)': use 'normal' or 'high' (a direct request such as a demo request)")
                    continue
                }
                priority = p
            }
            let requalify = signal.bool("requalify") ?? false
            guard let id, let label else { continue }
            if let first = seen[id] {
                log.error(line: signal.line, "duplicate signal id '\(id)' (first at line \(first))")
                continue
            }
            seen[id] = signal.line
            result.append(SignalDefinition(id: id, label: label, score: score, priority: priority, requalify: requalify))
        }
        return result
    }
}
