import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

/// The reports `report` knows.
enum ReportKind: String, FixedListValue {
    case pipeline, reasons, sla, calls, scores

    static let valueName = "report"
    static let listName = "Reports"

    /// `report review` is a command of its own (its options differ); the list names it too.
    static func unknownMessage(_ text: String) -> String {
        "unknown \(valueName) '\(text)'.\(choices(for: text, among: words + ["review"]))"
    }
}

extension Command {
    static let report = Command(CommandSpec(
        ["report"],
        usage: "report \(ReportKind.words.joined(separator: "|")) [--since DATE] [--json]",
        summary: "Pipeline, disqualification reasons, SLA compliance, calls or score distributions, with bar charts",
        example: "report sla --since 2026-01-01",
        group: .output, arguments: 1...1, options: [OptionSpec("--since", "DATE"), .flag("--json")],
        completing: [.values(ReportKind.self)]
    )) { inv, session in
        let kind = try ReportKind.parse(inv.arguments[0])
        let since = try inv.dayOption("--since")
        let now = session.now()
        let store = session.store
        let json = inv.flag("--json")
        let renderer = ReportRenderer(chart: BarChart(unicode: session.drawsUnicode, width: session.width),
                                      sinceText: since.map { " since \(Dates.day($0))" } ?? "")
        switch kind {
        case .pipeline:
            let r = PipelineReport.compute(try store.pipelineInputs(since: since))
            session.out.write(json ? ReportJSON.encode(kind, since: since, asOf: now, r) : renderer.pipeline(r))
        case .reasons:
            let r = ReasonsReport.compute(try store.disqualifiedLeads(since: since), rejections: try store.rejections(since: since))
            session.out.write(json ? ReportJSON.encode(kind, since: since, asOf: now, r) : renderer.reasons(r))
        case .sla:
            // Only the `priority: high` signals are read: the SLA counts no other (`FirstAttemptCandidate.sla`).
            let highPriority = try session.highPrioritySignals
            var tally = SLAReport.Tally(highPriority: highPriority, now: now)
            try store.forEachFirstAttemptCandidate(stages: nil, mqlSince: since, owner: nil, signalKinds: highPriority) { tally.add($0) }
            let r = tally.report
            session.out.write(json ? ReportJSON.encode(kind, since: since, asOf: now, r) : renderer.sla(r))
        case .calls:
            let r = CallsReport.compute(counts: try store.callCounts(since: since))
            session.out.write(json ? ReportJSON.encode(kind, since: since, asOf: now, r) : renderer.calls(r))
        case .scores:
            var tally = ScoresReport.Tally()
            var unscored = 0
            let catalog = try session.catalog
            try session.forEachVerdictBasis(createdSince: since, keeping: true) { lead, basis in
                guard let basis, let profile = catalog.profile(lead.profile) else { unscored += 1; return }
                tally.add(VerdictEngine.standing(basis, catalog: catalog, profile: profile, now: now))
            }
            let r = tally.report(unscored: unscored)
            session.out.write(json ? ReportJSON.encode(kind, since: since, asOf: now, r) : renderer.scores(r))
        }
    }
}

extension Session {
    /// Bar charts in Unicode blocks: only when styled output goes to a terminal; plain `#`
    /// in script mode and with `--no-color`, `NO_COLOR` or `TERM=dumb`.
    var drawsUnicode: Bool { style.enabled }
}

/// `report KIND --json`: `{"report": KIND, "since": DAY|null, "as_of": TIME, KIND: {...}}`.
enum ReportJSON {
    private struct Envelope<T: Encodable>: Encodable {
        var kind: ReportKind
        var since: Date?
        var asOf: Date
        var data: T

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(kind.rawValue, forKey: Key("report"))
            try c.encode(since.map(Dates.day), forKey: Key("since"))
            try c.encode(asOf, forKey: Key("asOf"))
            try c.encode(data, forKey: Key(kind.rawValue))
        }
    }

    static func encode<T: Encodable>(_ kind: ReportKind, since: Date?, asOf: Date, _ data: T) -> String {
        JSONText.encode(Envelope(kind: kind, since: since, asOf: asOf, data: data)) + "\n"
    }
}
