/// Horizontal bar charts: Unicode blocks (to an eighth of a cell) on a terminal, `#` in plain
/// ASCII for script mode, `--no-color` and `NO_COLOR`. Every line fits in `width` columns.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        /// Shown after the bar: the count, share, rate.
        var text: String
    }

    var unicode: Bool
    var width: Int

    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let minimumBar = 8
    static let longestLabel = 28

    /// One line per bar; bars scaled to `scale` (default: the largest value). `labelWidth`
    /// and `textWidth` line several charts up with each other (default: what these bars need).
    func render(_ bars: [Bar], scale: Double? = nil, indent: String = "", labelWidth: Int? = nil, textWidth: Int? = nil) -> String {
        guard !bars.isEmpty else { return "" }
        let labels = bars.map { Prompt.truncate($0.label, to: Self.longestLabel) }
        let labelWidth = max(labelWidth ?? 0, labels.map(\.count).max() ?? 0)
        let textWidth = max(textWidth ?? 0, bars.map(\.text.count).max() ?? 0)
        let barWidth = max(Self.minimumBar, width - indent.count - labelWidth - textWidth - 4)
        let top = scale ?? bars.map(\.value).max() ?? 0
        var out = ""
        for (bar, label) in zip(bars, labels) {
            let drawn = draw(top > 0 ? min(1, max(0, bar.value / top)) : 0, cells: barWidth)
            let line = indent + pad(label, labelWidth) + "  " + pad(drawn, barWidth) + "  " + bar.text
            out += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        return out
    }

    /// A bar `fraction` of `cells` long; anything above zero shows at least a sliver.
    func draw(_ fraction: Double, cells: Int) -> String {
        if unicode {
            var eighths = Int((fraction * Double(cells * 8)).rounded())
            if fraction > 0 && eighths == 0 { eighths = 1 }
            let full = String(repeating: "█", count: eighths / 8)
            return eighths % 8 == 0 ? full : full + String(Self.partials[eighths % 8 - 1])
        }
        var n = Int((fraction * Double(cells)).rounded())
        if fraction > 0 && n == 0 { n = 1 }
        return String(repeating: "#", count: n)
    }

    /// Prose (headings, notes) broken at spaces so no line is wider than the chart; a
    /// leading indent is kept, and continuation lines are indented two more.
    func wrap(_ text: String) -> String {
        let indent = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var line = indent
        for word in text.dropFirst(indent.count).split(separator: " ") {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + "  " + word
            } else {
                line += (line.count > indent.count ? " " : "") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}
