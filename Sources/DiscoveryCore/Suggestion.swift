/// "Did you mean ...?" for a mistyped token.
public enum Suggestion {
    /// The candidate closest to `token` by edit distance, if it is close enough to be a typo.
    public static func closest(to token: String, in candidates: some Sequence<String>) -> String? {
        let t = Array(token.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(t, Array(c.lowercased()))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (match, d) = best else { return nil }
        let limit = max(1, min(3, t.count / 3 + 1))
        if d <= limit { return match }
        // A prefix of a candidate ("disq" → "disqualified") is a good hint too.
        if t.count >= 2, let p = candidates.first(where: { $0.lowercased().hasPrefix(token.lowercased()) }) { return p }
        return nil
    }

    /// ` Did you mean 'x'?` or the empty string.
    public static func hint(for token: String, in candidates: some Sequence<String>) -> String {
        closest(to: token, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
