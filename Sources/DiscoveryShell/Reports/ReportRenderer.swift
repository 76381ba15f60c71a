import DiscoveryCore
import Foundation

/// Turns report data into terminal text. Computing is elsewhere (`DiscoveryCore.Reports`);
/// this only lays it out, so the same data also goes to `--json` unchanged.
struct ReportRenderer {
    var chart: BarChart
    /// ` since 2026-01-01`, or empty.
    var sinceText: String

    func pipeline(_ r: PipelineReport) -> String {
        guard r.total > 0 else { return "No leads\(sinceText).\n" }
        var out = chart.wrap("Pipeline: \(r.total) lead\(r.total == 1 ? "" : "s")\(created)") + "\nLeads per stage\n"
        out += chart.render(r.stages.map { .init(label: $0.stage.rawValue, value: Double($0.leads), text: "\($0.leads)") }, indent: "  ")
        out += "\n" + chart.wrap("Conversion: of the leads that reached a stage, those that went on")
        out += chart.render(r.conversions.map { c in
            .init(label: "\(c.from.rawValue) → \(c.to.rawValue)", value: c.rate ?? 0,
                  text: "\(Self.percent(c.rate))  \(c.converted) of \(c.reached)")
        }, scale: 1, indent: "  ")
        return out
    }

    /// Disqualifications, then (when there are any) sales rejections, counted apart.
    func reasons(_ r: ReasonsReport) -> String {
        var out: String
        if r.total > 0 {
            out = chart.wrap("Disqualification reasons: \(r.total) lead\(r.total == 1 ? "" : "s")\(sinceText)")
            out += chart.render(r.reasons.map { .init(label: $0.reason, value: Double($0.leads), text: "\(Self.percent($0.share))  \($0.leads)") },
                                indent: "  ")
        } else {
            out = "No disqualified leads\(sinceText).\n"
        }
        guard r.rejected > 0 else { return out }
        out += "\n" + chart.wrap("Sales rejections of MQLs: \(r.rejected) rejection\(r.rejected == 1 ? "" : "s")\(sinceText) (sent back to nurture, not disqualified)")
        out += chart.render(r.rejections.map { .init(label: $0.reason, value: Double($0.leads), text: "\(Self.percent($0.share))  \($0.leads)") },
                            indent: "  ")
        return out
    }

    func sla(_ r: SLAReport) -> String {
        guard !r.owners.isEmpty else { return "No leads reached mql\(sinceText): no SLA to report.\n" }
        var out = chart.wrap("First-attempt SLA per owner\(sinceText): \(FirstAttemptSLA.standardHours) h from mql, "
            + "\(FirstAttemptSLA.priorityHours) h with a high-priority signal, weekends skipped")
        out += chart.wrap("Compliance = met / (met + breached)")
        out += chart.render((r.owners + [r.total]).map { row in
            .init(label: row.owner, value: row.compliance ?? 0,
                  text: "\(Self.percent(row.compliance))  met \(row.met), breached \(row.breached), due \(row.due), open \(row.open)")
        }, scale: 1, indent: "  ")
        if r.excludedNoConsent > 0 {
            out += chart.wrap("(\(r.excludedNoConsent) lead\(r.excludedNoConsent == 1 ? "" : "s") with consent 'no' left out: no outreach, no SLA)")
        }
        return out
    }

    func calls(_ r: CallsReport) -> String {
        guard r.total.calls > 0 else { return "No calls logged\(sinceText).\n" }
        var out = chart.wrap("Calls\(sinceText): \(summary(r.total))")
        let blocks = r.sdrs + (r.sdrs.count > 1 ? [r.total] : [])
        // Every block on the same scale and columns, so SDRs compare at a glance.
        let scale = Double(blocks.flatMap { $0.outcomes.values }.max() ?? 0)
        let used = CallOutcome.allCases.filter { o in blocks.contains { ($0.outcomes[o.rawValue] ?? 0) > 0 } }
        let labelWidth = used.map(\.rawValue.count).max() ?? 0
        let textWidth = String(Int(scale)).count
        for row in blocks {
            out += "\n" + chart.wrap("\(row.sdr == "total" ? "All SDRs" : row.sdr): \(summary(row))")
            let bars = used.compactMap { o -> BarChart.Bar? in
                guard let n = row.outcomes[o.rawValue], n > 0 else { return nil }
                return .init(label: o.rawValue, value: Double(n), text: String(repeating: " ", count: textWidth - String(n).count) + "\(n)")
            }
            out += chart.render(bars, scale: scale, indent: "  ", labelWidth: labelWidth, textWidth: textWidth)
        }
        return out
    }

    func scores(_ r: ScoresReport) -> String {
        let total = r.profiles.reduce(0) { $0 + $1.leads }
        guard total > 0 else { return "No leads to score\(sinceText).\n" }
        var out = chart.wrap("Scores: \(total) lead\(total == 1 ? "" : "s")\(created) in \(r.profiles.count) profile\(r.profiles.count == 1 ? "" : "s")")
        let labelWidth = (["<0"] + ScoresReport.bucketStarts.map { "\($0)-\($0 + 19)" }).map(\.count).max() ?? 0
        for p in r.profiles {
            let verdicts = VerdictKind.allCases.map { "\($0.rawValue) \(p.verdicts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            out += "\n" + chart.wrap("\(p.profile): \(p.leads) lead\(p.leads == 1 ? "" : "s") (\(verdicts))")
            for d in p.scores {
                let bands = ["low", "mid", "high"].compactMap { b in d.bands[b].map { "\(b) \($0)" } }
                out += chart.wrap("  \(d.score.rawValue): min \(d.min), median \(d.median), max \(d.max)"
                                  + (bands.isEmpty ? "" : "; bands: " + bands.joined(separator: ", ")))
                out += chart.render(d.buckets.map { .init(label: $0.range, value: Double($0.leads), text: "\($0.leads)") },
                                    scale: Double(p.leads), indent: "    ", labelWidth: labelWidth,
                                    textWidth: String(p.leads).count)
            }
        }
        if r.unscored > 0 {
            out += "\n" + chart.wrap("(\(r.unscored) lead\(r.unscored == 1 ? "" : "s") left out: profile not in the question sets)")
        }
        return out
    }

    /// `  7%`, ` 42%`, `100%`: right-aligned so the columns after it line up.
    static func percent(_ x: Double?) -> String {
        let p = Ratio.percent(x)
        return String(repeating: " ", count: max(0, 4 - p.count)) + p
    }

    private var created: String { sinceText.isEmpty ? "" : " created" + sinceText }

    private func summary(_ row: CallsReport.Row) -> String {
        "\(row.calls) call\(row.calls == 1 ? "" : "s"), \(row.connected) connected, connect rate \(Ratio.percent(row.connectRate))"
    }
}
