import DiscoveryCore

/// Splits a command line into words the way a POSIX shell does: single quotes keep text as is,
/// double quotes allow `\"` and `\\`, a backslash outside quotes escapes the next character.
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

    private struct Scan {
        var words: [String] = []
        var openQuote: Character?
        /// True when the line ends inside a word (no trailing blank).
        var inWord = false
    }

    private static func scan(_ line: String) -> Scan {
        var s = Scan()
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
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
                    if inWord { s.words.append(word); word = ""; inWord = false }
                } else if ch == "'" || ch == "\"" {
                    quote = ch
                    inWord = true
                } else if ch == "\\" {
                    escaped = true
                    inWord = true
                } else {
                    word.append(ch)
                    inWord = true
                }
            }
        }
        if inWord || quote != nil { s.words.append(word); s.inWord = true }
        s.openQuote = quote
        return s
    }
}
