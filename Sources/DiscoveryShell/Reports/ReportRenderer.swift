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
        var out = "Pipeline: \(r.total) lead\(r.total == 1 ? "" : "s")\(created)\n\nLeads per stage\n"
        out += chart.render(r.stages.map { .init(label: $0.stage.rawValue, value: Double($0.leads), text: "\($0.leads)") }, indent: "  ")
        out += "\nConversion (of the leads that reached a stage, those that went on)\n"
        out += chart.render(r.conversions.map { c in
            .init(label: "\(c.from.rawValue) → \(c.to.rawValue)", value: c.rate ?? 0,
                  text: "\(c.converted) of \(c.reached)  \(Ratio.percent(c.rate))")
        }, scale: 1, indent: "  ")
        return out
    }

    func reasons(_ r: ReasonsReport) -> String {
        guard r.total > 0 else { return "No disqualified leads\(sinceText).\n" }
        var out = "Disqualification reasons: \(r.total) lead\(r.total == 1 ? "" : "s")\(sinceText)\n"
        out += chart.render(r.reasons.map { .init(label: $0.reason, value: Double($0.leads), text: "\($0.leads)  \(Ratio.percent($0.share))") },
                            indent: "  ")
        return out
    }

    func sla(_ r: SLAReport) -> String {
        guard !r.owners.isEmpty else { return "No leads reached mql\(sinceText): no SLA to report.\n" }
        var out = "First-attempt SLA per owner\(sinceText) (\(FirstAttemptSLA.standardHours) h from mql, "
        out += "\(FirstAttemptSLA.priorityHours) h with a high-priority signal; weekends skipped)\n"
        out += "compliance = met / (met + breached)\n"
        out += chart.render((r.owners + [r.total]).map { row in
            .init(label: row.owner, value: row.compliance ?? 0,
                  text: "\(Ratio.percent(row.compliance))  met \(row.met), breached \(row.breached), due \(row.due), open \(row.open)")
        }, scale: 1, indent: "  ")
        if r.excludedNoConsent > 0 {
            out += "(\(r.excludedNoConsent) lead\(r.excludedNoConsent == 1 ? "" : "s") with consent 'no' left out: no outreach, no SLA)\n"
        }
        return out
    }

    func calls(_ r: CallsReport) -> String {
        guard r.total.calls > 0 else { return "No calls logged\(sinceText).\n" }
        var out = "Calls\(sinceText): \(summary(r.total))\n"
        let scale = Double((r.sdrs + [r.total]).flatMap { $0.outcomes.values }.max() ?? 0)
        for row in r.sdrs + (r.sdrs.count > 1 ? [r.total] : []) {
            out += "\n\(row.sdr == "total" ? "All SDRs" : row.sdr): \(summary(row))\n"
            let bars = CallOutcome.allCases.compactMap { o -> BarChart.Bar? in
                guard let n = row.outcomes[o.rawValue], n > 0 else { return nil }
                return .init(label: o.rawValue, value: Double(n), text: "\(n)")
            }
            out += chart.render(bars, scale: scale, indent: "  ")
        }
        return out
    }

    private var created: String { sinceText.isEmpty ? "" : " created" + sinceText }

    private func summary(_ row: CallsReport.Row) -> String {
        "\(row.calls) call\(row.calls == 1 ? "" : "s"), \(row.connected) connected, connect rate \(Ratio.percent(row.connectRate))"
    }
}
