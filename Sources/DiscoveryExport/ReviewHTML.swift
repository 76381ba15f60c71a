import DiscoveryCore
import Foundation

/// `report review --format html`: one self-contained page for the review meeting: inline CSS,
/// inline SVG bar charts, no script, no external request, laid out for A4. Every figure is
/// marked `data-figure="path"` (the `--json` key path) so a test can hold the page to the JSON.
public enum ReviewHTML {
    public static func page(_ r: ReviewReport, title: String, asOf: Date) -> String {
        let o = r.overall
        var body = "<h1>\(escape(title))</h1>\n<p class=\"meta\">As of \(Dates.iso(asOf)) · "
            + "<b data-figure=\"overall.mqls\">\(o.mqls)</b> MQLs</p>\n"
        body += "<section><h2>MQLs per month</h2>\n"
        body += r.capacity.map { "<p>Capacity \($0.perMonth) a month (\($0.owners.count) owners × <span data-figure=\"capacity.per_owner_per_month\">\($0.perOwnerPerMonth)</span>).</p>\n" }
            ?? "<p>No capacity set (capacity.per-owner-per-month in routing.yaml).</p>\n"
        let top = Double(max(r.months.map(\.mqls).max() ?? 0, r.capacity?.perMonth ?? 0))
        body += barChart(r.months.enumerated().map { i, m in
            Bar(label: m.month, value: Double(m.mqls), text: "\(m.mqls)", figure: "months.\(i).mqls",
                over: m.capacity.map { m.mqls > $0 } ?? false)
        }, scale: top, line: r.capacity.map { Double($0.perMonth) })
        body += "</section>\n" + figures(o, path: "overall")
        if let by = r.by {
            body += "<section><h2>By \(escape(by.rawValue))</h2>\n<table><tr><th>\(escape(by.rawValue))</th><th>MQLs</th><th>accepted</th>"
                + "<th>mql→sal</th><th>sal→sql</th><th>sql→opp</th><th>mql→opp</th><th>1st attempt</th><th>to SQL</th></tr>\n"
            for (i, c) in r.cohorts.enumerated() {
                let f = c.figures, p = "cohorts.\(i).figures"
                body += "<tr><td>\(escape(c.name))</td><td data-figure=\"\(p).mqls\">\(f.mqls)</td>"
                    + "<td data-figure=\"\(p).acceptance_rate\" data-value=\"\(value(f.acceptanceRate))\">\(Ratio.percent(f.acceptanceRate))</td>"
                for (j, conv) in f.conversions.enumerated() {
                    body += "<td data-figure=\"\(p).conversions.\(j).rate\" data-value=\"\(value(conv.rate))\">\(Ratio.percent(conv.rate))</td>"
                }
                body += "<td>\(hours(f.medianHoursToFirstAttempt))</td><td>\(days(f.medianDaysToSQL))</td></tr>\n"
            }
            body += "</table>\n<h3>MQL → opportunity</h3>\n"
            body += barChart(r.cohorts.map { c in
                let conv = c.figures.conversions.last
                return Bar(label: c.name, value: conv?.rate ?? 0, text: "\(Ratio.percent(conv?.rate)) (\(conv?.converted ?? 0) of \(conv?.reached ?? 0))")
            }, scale: 1)
            body += "</section>\n"
        }
        body += "<section><h2>Findings</h2>\n"
        if r.findings.isEmpty {
            body += "<p>None: acceptance is at least 50 %, no rejection reason is above 30 % and no month is over capacity.</p>\n"
        } else {
            body += "<ul>\n" + r.findings.map { "<li><b>\(escape($0.message))</b><br><span class=\"rule\">Rule of thumb: \(escape($0.ruleOfThumb))</span></li>\n" }.joined() + "</ul>\n"
        }
        body += "</section>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Acceptance, rejection reasons, conversion and speed, each figure marked with its JSON path.
    static func figures(_ f: ReviewFigures, path p: String) -> String {
        var out = "<section><h2>Sales acceptance</h2>\n<p><b data-figure=\"\(p).acceptance_rate\" data-value=\"\(value(f.acceptanceRate))\">"
            + "\(Ratio.percent(f.acceptanceRate))</b> of the MQLs sales decided on: <span data-figure=\"\(p).accepted\">\(f.accepted)</span> accepted, "
            + "<span data-figure=\"\(p).rejected\">\(f.rejected)</span> rejected, \(f.mqls - f.accepted - f.rejected) not decided yet.</p>\n"
        if f.rejections > 0 {
            out += "<h3>Rejection reasons (<span data-figure=\"\(p).rejections\">\(f.rejections)</span>)</h3>\n"
            out += barChart(f.rejectionReasons.enumerated().map { i, row in
                Bar(label: row.reason, value: row.share, text: "\(Ratio.percent(row.share)) (\(row.leads))",
                    figure: "\(p).rejection_reasons.\(i).leads", figureValue: "\(row.leads)")
            }, scale: 1)
        }
        out += "</section>\n<section><h2>Conversion</h2>\n"
        out += barChart(f.conversions.enumerated().map { i, c in
            Bar(label: "\(c.from.rawValue) → \(c.to.rawValue)", value: c.rate ?? 0,
                text: "\(Ratio.percent(c.rate)) (\(c.converted) of \(c.reached))", figure: "\(p).conversions.\(i).converted", figureValue: "\(c.converted)")
        }, scale: 1)
        out += "<p>Median time from MQL to the first attempt: <b data-figure=\"\(p).median_hours_to_first_attempt\" data-value=\"\(value(f.medianHoursToFirstAttempt))\">"
            + "\(hours(f.medianHoursToFirstAttempt))</b>; to SQL: <b data-figure=\"\(p).median_days_to_sql\" data-value=\"\(value(f.medianDaysToSQL))\">"
            + "\(days(f.medianDaysToSQL))</b>.</p>\n</section>\n"
        return out
    }

    struct Bar {
        var label: String
        var value: Double
        var text: String
        var figure: String? = nil
        var figureValue: String? = nil
        var over = false
    }

    /// A horizontal bar chart as inline SVG; `line` draws a dashed capacity mark.
    static func barChart(_ bars: [Bar], scale: Double, line: Double? = nil) -> String {
        let rowHeight = 22, labelWidth = 170, barWidth = 380, width = 680
        let height = bars.count * rowHeight + 6
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 3
            let w = scale > 0 ? Int((min(1, max(0, bar.value / scale)) * Double(barWidth)).rounded()) : 0
            let figure = bar.figure.map { " data-figure=\"\($0)\"" + (bar.figureValue.map { " data-value=\"\($0)\"" } ?? "") } ?? ""
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(max(w, bar.value > 0 ? 1 : 0))\" height=\"16\" class=\"\(bar.over ? "over" : "bar")\"/>"
                + "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\"\(figure)>\(escape(bar.text))</text>\n"
        }
        if let line, scale > 0 {
            let x = labelWidth + Int((min(1, line / scale) * Double(barWidth)).rounded())
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height)\" class=\"capacity\"/>\n"
        }
        return svg + "</svg>\n"
    }

    static let css = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d2733; max-width: 180mm; margin: 0 auto; padding: 8px; font-size: 11pt; }
        h1 { font-size: 18pt; margin: 0 0 4px; }
        h2 { font-size: 13pt; border-bottom: 1px solid #c8d0da; padding-bottom: 2px; margin: 18px 0 6px; }
        h3 { font-size: 11pt; margin: 10px 0 4px; }
        .meta { color: #55606e; margin-top: 0; }
        section { break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; font-size: 11px; }
        svg text { fill: #1d2733; }
        rect.bar { fill: #2f6fb3; }
        rect.over { fill: #c0392b; }
        line.capacity { stroke: #c0392b; stroke-width: 1.5; stroke-dasharray: 4 3; }
        table { border-collapse: collapse; font-size: 10pt; }
        th, td { border: 1px solid #c8d0da; padding: 2px 6px; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; }
        li { margin-bottom: 6px; }
        .rule { color: #55606e; font-size: 10pt; }
        """

    /// The exact value behind a rounded figure, as the JSON has it (`null` for none).
    static func value(_ x: Double?) -> String { x.map { "\($0)" } ?? "null" }
    static func hours(_ h: Double?) -> String { h.map { "\(number($0)) h" } ?? "-" }
    static func days(_ d: Double?) -> String { d.map { "\(number($0)) d" } ?? "-" }
    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// Text safe inside HTML elements and attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
