/// Left-aligned columns separated by two spaces; the last column is cut to fit the width.
public enum TextTable {
    public static func render(_ headers: [String], _ rows: [[String]], width: Int = 100) -> String {
        let all = [headers] + rows
        var widths = headers.indices.map { i in all.map { displayWidth($0[i]) }.max() ?? 0 }
        let used = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        if let last = widths.indices.last, used + widths[last] > width {
            widths[last] = max(8, width - used)
        }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() {
                let text = i == row.count - 1 ? clip(cell, widths[i]) : cell
                line += text
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - displayWidth(text) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    static func displayWidth(_ s: String) -> Int { s.count }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(max(0, n - 1))) + "…"
    }
}
