/// Lays out completion candidates in columns, the way shells list them after a second Tab.
enum CandidateColumns {
    /// At most this many candidates are listed; the rest are counted.
    static let limit = 120

    /// The lines to print for `candidates` on a terminal `width` columns wide.
    static func lines(_ candidates: [String], width: Int) -> [String] {
        let shown = Array(candidates.prefix(limit))
        guard !shown.isEmpty else { return [] }
        let cellWidth = (shown.map(\.count).max() ?? 0) + 2
        let columns = max(1, min(shown.count, max(width, 20) / cellWidth))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let i = column * rows + row
                guard i < shown.count else { break }
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                line += isLast ? shown[i] : shown[i] + String(repeating: " ", count: cellWidth - shown[i].count)
            }
            lines.append(line)
        }
        if candidates.count > shown.count {
            lines.append("... and \(candidates.count - shown.count) more: type more letters")
        }
        return lines
    }
}
