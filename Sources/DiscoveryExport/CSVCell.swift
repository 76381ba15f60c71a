/// How one CSV cell is written: neutralised against formula injection, then quoted when needed
/// (RFC 4180).
public enum CSVCell {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
    /// plus the apostrophe itself, so that neutralising stays reversible (`unneutralise`).
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// The same characters as UTF-8 bytes (all ASCII). The checks look at the first byte, not
    /// the first `Character`: `=` followed by a combining accent is still neutralised.
    static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x27: return true   // = + - @ tab CR '
        default: return false
        }
    }

    /// Whether `neutralise` prefixes an apostrophe to `value`.
    static func needsApostrophe(_ value: String, isPhone: Bool) -> Bool {
        guard let first = value.utf8.first, isTrigger(first) else { return false }
        return !(isPhone && PhoneNumber.isStrict(value))
    }

    /// Prefixes `'` to a cell that begins with `=`, `+`, `-`, `@`, tab, carriage return or an
    /// apostrophe, so a spreadsheet shows it as text. A phone number in a phone column is data,
    /// not a formula: it is kept as it is when it matches `PhoneNumber.isStrict`.
    public static func neutralise(_ value: String, isPhone: Bool = false) -> String {
        needsApostrophe(value, isPhone: isPhone) ? "'" + value : value
    }

    /// Undoes `neutralise`: drops one leading `'` when a trigger character follows it. Import
    /// applies it to every cell, so our own export reads back exactly.
    public static func unneutralise(_ value: String) -> String {
        var bytes = value.utf8.makeIterator()
        guard bytes.next() == 0x27, let second = bytes.next(), isTrigger(second) else { return value }
        return String(value[value.utf8.index(after: value.utf8.startIndex)...])
    }

    /// Whether `value` holds a comma, a double quote, CR or LF.
    static func needsQuotes(_ value: String) -> Bool {
        value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }

    /// Quotes a cell that holds a comma, a double quote, CR or LF, doubling its quotes.
    public static func quote(_ value: String) -> String {
        var out = ""
        appendQuoted(value, apostrophe: false, to: &out)
        return out
    }

    /// Both steps: what a writer puts between the commas.
    public static func render(_ value: String, isPhone: Bool = false) -> String {
        var out = ""
        append(value, isPhone: isPhone, to: &out)
        return out
    }

    /// Appends `render(value, isPhone:)` to `out` without building the cell on its own.
    public static func append(_ value: String, isPhone: Bool = false, to out: inout String) {
        appendQuoted(value, apostrophe: needsApostrophe(value, isPhone: isPhone), to: &out)
    }

    private static func appendQuoted(_ value: String, apostrophe: Bool, to out: inout String) {
        guard needsQuotes(value) else {
            if apostrophe { out += "'" }
            out += value
            return
        }
        out += apostrophe ? "\"'" : "\""
        var rest = Substring(value)
        while let q = rest.utf8.firstIndex(of: 0x22) {
            out += rest[..<q]
            out += "\"\""
            rest = rest[rest.utf8.index(after: q)...]
        }
        out += rest
        out += "\""
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
