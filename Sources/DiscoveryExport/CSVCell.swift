/// How one CSV cell is written: neutralised against formula injection, then quoted when needed
/// (RFC 4180).
public enum CSVCell {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
    /// plus the apostrophe itself, so that neutralising stays reversible (`unneutralise`).
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// Prefixes `'` to a cell that begins with `=`, `+`, `-`, `@`, tab, carriage return or an
    /// apostrophe, so a spreadsheet shows it as text. A phone number in a phone column is data,
    /// not a formula: it is kept as it is when it matches `PhoneNumber.isStrict`.
    public static func neutralise(_ value: String, isPhone: Bool = false) -> String {
        guard let first = value.first, triggers.contains(first) else { return value }
        if isPhone && PhoneNumber.isStrict(value) { return value }
        return "'" + value
    }

    /// Undoes `neutralise`: drops one leading `'` when a trigger character follows it. Import
    /// applies it to every cell, so our own export reads back exactly.
    public static func unneutralise(_ value: String) -> String {
        guard value.first == "'", value.count > 1 else { return value }
        let second = value[value.index(after: value.startIndex)]
        return triggers.contains(second) ? String(value.dropFirst()) : value
    }

    /// Quotes a cell that holds a comma, a double quote, CR or LF, doubling its quotes.
    public static func quote(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Both steps: what a writer puts between the commas.
    public static func render(_ value: String, isPhone: Bool = false) -> String {
        quote(neutralise(value, isPhone: isPhone))
    }
}

/// Telephone numbers as people write them: `+1 (555) 010-0100`, `555.010.0100`, `+44 20 7946 0958`.
public enum PhoneNumber {
    /// True for an optional leading `+`, then only digits, spaces, `(`, `)`, `.` and `-`,
    /// starting with a digit or `(`, with 7 to 15 digits (E.164 allows at most 15), balanced
    /// parentheses and no two separators in a row other than `) `. Anything else — a formula
    /// such as `+1+2` or `-2+3`, or a cell with letters — is not a phone number.
    public static func isStrict(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "+" { scalars = scalars.dropFirst() }
        guard let first = scalars.first, first == "(" || ("0"..."9").contains(first) else { return false }
        var digits = 0
        var depth = 0
        var previous: Unicode.Scalar = "+"
        for s in scalars {
            switch s {
            case "0"..."9":
                digits += 1
            case "(":
                guard depth == 0 else { return false }
                depth += 1
            case ")":
                guard depth == 1, ("0"..."9").contains(previous) else { return false }
                depth -= 1
            case " ", ".", "-":
                let separatorBefore = previous == " " || previous == "." || previous == "-" || previous == "("
                if separatorBefore { return false }
            default:
                return false
            }
            previous = s
        }
        return depth == 0 && (7...15).contains(digits) && ("0"..."9").contains(previous)
    }
}
