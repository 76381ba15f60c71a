import DiscoveryCore

/// `replay DIR` as terminal text: the transition table, MQLs per month now and under DIR, and
/// each lead whose verdict changes with the first rule that differs.
struct ReplayRenderer {
    var chart: BarChart

    func render(_ r: ReplayReport, directory: String) -> String {
        guard r.leads > 0 else { return "No leads: nothing to replay.\n" }
        var out = chart.wrap("Replay under \(directory): \(r.leads) lead\(r.leads == 1 ? "" : "s"), \(r.changes.count) change\(r.changes.count == 1 ? "" : "s"), MQLs \(r.mqlsNow) now → \(r.mqlsCandidate) under \(directory)")
        out += "\n" + chart.wrap("Verdict transitions (now → under \(directory))")
        out += TextTable.render(["  now", "under \(directory)", "leads"], r.transitions.map { ["  " + $0.from, $0.to, "\($0.leads)"] })
        if !r.months.isEmpty {
            out += "\n" + chart.wrap("MQLs per month, now and under \(directory)")
            let top = Double(r.months.flatMap { [$0.now, $0.candidate] }.max() ?? 0)
            for m in r.months {
                out += chart.render([.init(label: m.month + " now", value: Double(m.now), text: "\(m.now)"),
                                     .init(label: m.month + " candidate", value: Double(m.candidate), text: "\(m.candidate)")],
                                    scale: top, indent: "  ", textWidth: String(Int(top)).count)
            }
        }
        out += "\n"
        guard !r.changes.isEmpty else { return out + chart.wrap("No lead's verdict changes under \(directory).") }
        out += chart.wrap("Leads whose verdict changes")
        for c in r.changes {
            out += chart.wrap("  \(c.lead) \(c.org): \(c.from) → \(c.to); first difference: \(c.firstDifference)")
        }
        return out
    }
}
