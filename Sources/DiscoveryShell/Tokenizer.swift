import DiscoveryCore

/// Splits a command line into words the way a POSIX shell does: single quotes keep text as is,
/// double quotes allow `\"` and `\\`, a backslash outside quotes escapes the next character.
/// The line is read by Unicode scalar, not by grapheme: a combining mark after a quote, a blank
/// or a backslash (`'\u{301}x'`) must not glue itself to it and hide the quote.
public enum Tokenizer {
    /// The words of a complete line; an unterminated quote is a usage error.
    public static func split(_ line: String) throws(DiscoveryError) -> [String] {
        let scan = scan(line)
        if let quote = scan.openQuote {
            throw .usage("unterminated \(quote == "'" ? "single" : "double") quote: close it with \(quote)")
        }
        return scan.words
    }

    /// The words of a line being typed, and the (possibly empty) word under the cursor at its end.
    /// Never fails: an open quote just belongs to the last word.
    public static func partial(_ line: String) -> (words: [String], current: String) {
        let scan = scan(line)
        if scan.inWord { return (Array(scan.words.dropLast()), scan.words.last ?? "") }
        return (scan.words, "")
    }

    /// The word under the cursor at the end of `line` as typed, quotes and backslashes
    /// included (empty after a blank): what Tab completion replaces.
    public static func typedCurrentWord(_ line: String) -> Substring {
        let scan = scan(line)
        guard scan.inWord, let start = scan.lastWordStart else { return line[line.endIndex...] }
        return line[start...]
    }

    private struct Scan {
        var words: [String] = []
        var openQuote: Character?
        /// True when the line ends inside a word (no trailing blank).
        var inWord = false
        /// Where the last word began in the line.
        var lastWordStart: String.Index?
    }

    private static func scan(_ line: String) -> Scan {
        var s = Scan()
        var word = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        var escaped = false
        let scalars = line.unicodeScalars
        for (index, ch) in zip(scalars.indices, scalars) {
            if escaped {
                word.append(ch)
                escaped = false
                continue
            }
            switch quote {
            case "'":
                if ch == "'" { quote = nil } else { word.append(ch) }
            case "\"":
                if ch == "\"" { quote = nil } else if ch == "\\" { escaped = true } else { word.append(ch) }
            default:
                if ch == " " || ch == "\t" {
                    if inWord { s.words.append(String(word)); word = String.UnicodeScalarView(); inWord = false }
                } else {
                    if !inWord { s.lastWordStart = index }
                    inWord = true
                    if ch == "'" || ch == "\"" {
                        quote = ch
                    } else if ch == "\\" {
                        escaped = true
                    } else {
                        word.append(ch)
                    }
                }
            }
        }
        if inWord || quote != nil { s.words.append(String(word)); s.inWord = true }
        s.openQuote = quote.map(Character.init)
        return s
    }
}
