import DiscoveryCore

/// `report review` as terminal text: the period's figures with bar charts, one table per
/// cohort split, and the findings. Computing is in `DiscoveryCore.ReviewReport`.
struct ReviewRenderer {
    var chart: BarChart

    func render(_ r: ReviewReport, periodText: String) -> String {
        let o = r.overall
        var out = chart.wrap("MQL review \(periodText): \(o.mqls) MQL\(o.mqls == 1 ? "" : "s")")
        out += "\n" + chart.wrap(r.capacity.map { "MQLs per month against capacity \($0.perMonth) (\($0.owners.count) owner\($0.owners.count == 1 ? "" : "s") × \($0.perOwnerPerMonth))" }
            ?? "MQLs per month (no capacity: set capacity.per-owner-per-month in routing.yaml)")
        let top = Double(max(r.months.map(\.mqls).max() ?? 0, r.capacity?.perMonth ?? 0))
        out += chart.render(r.months.map { m in
            .init(label: m.month, value: Double(m.mqls),
                  text: "\(m.mqls)" + (m.capacity.map { " / \($0)" + (m.mqls > $0 ? " over" : "") } ?? ""))
        }, scale: top, indent: "  ")
        out += "\n" + figures(o)
        if let by = r.by {
            out += "\n" + chart.wrap("By \(by.rawValue): \(r.cohorts.count) cohort\(r.cohorts.count == 1 ? "" : "s")")
            out += TextTable.render(["  " + by.rawValue, "MQLs", "accepted", "mql→sal", "sal→sql", "sql→opp", "mql→opp", "1st attempt", "to SQL"],
                                    r.cohorts.map { c in
                let f = c.figures
                return ["  " + c.name, "\(f.mqls)", Ratio.percent(f.acceptanceRate)] + f.conversions.map { Ratio.percent($0.rate) }
                    + [Self.hours(f.medianHoursToFirstAttempt), Self.days(f.medianDaysToSQL)]
            })
            out += "\n" + chart.wrap("MQL → opportunity by \(by.rawValue)")
            out += chart.render(r.cohorts.map { c in
                let conv = c.figures.conversions.last
                return .init(label: c.name, value: conv?.rate ?? 0,
                             text: "\(ReportRenderer.percent(conv?.rate))  \(conv?.converted ?? 0) of \(conv?.reached ?? 0)")
            }, scale: 1, indent: "  ")
        }
        out += "\n" + chart.wrap("Findings")
        if r.findings.isEmpty {
            out += chart.wrap("  none: acceptance is at least 50 %, no rejection reason is above 30 % and no month is over capacity")
        }
        for f in r.findings {
            out += chart.wrap("  - " + f.message)
            out += chart.wrap("    (rule of thumb: \(f.ruleOfThumb))")
        }
        return out
    }

    /// Acceptance, rejection reasons, conversion and speed for one set of MQLs.
    func figures(_ f: ReviewFigures) -> String {
        let decided = f.accepted + f.rejected
        var out = chart.wrap("Sales acceptance: \(Ratio.percent(f.acceptanceRate)) (\(f.accepted) accepted, \(f.rejected) rejected; \(f.mqls - decided) not decided yet)")
        if f.rejections > 0 {
            out += "\n" + chart.wrap("Rejection reasons: \(f.rejections) rejection\(f.rejections == 1 ? "" : "s")")
            out += chart.render(f.rejectionReasons.map { .init(label: $0.reason, value: $0.share, text: "\(ReportRenderer.percent($0.share))  \($0.leads)") },
                                scale: 1, indent: "  ")
        }
        out += "\n" + chart.wrap("Conversion: of the MQLs that reached a stage, those that went on")
        out += chart.render(f.conversions.map { c in
            .init(label: "\(c.from.rawValue) → \(c.to.rawValue)", value: c.rate ?? 0,
                  text: "\(ReportRenderer.percent(c.rate))  \(c.converted) of \(c.reached)")
        }, scale: 1, indent: "  ")
        out += "\n" + chart.wrap("Median time from MQL to the first attempt: \(Self.hours(f.medianHoursToFirstAttempt)); to SQL: \(Self.days(f.medianDaysToSQL))")
        return out
    }

    static func hours(_ h: Double?) -> String { h.map { "\(number($0)) h" } ?? "-" }
    static func days(_ d: Double?) -> String { d.map { "\(number($0)) d" } ?? "-" }

    /// `4` or `4.5`: tenths only when there are some.
    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
