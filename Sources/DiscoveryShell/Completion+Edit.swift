import LineEditor

extension Completer {
    /// What Tab does to the line: one candidate replaces the word typed so far (quoted when it
    /// holds blanks or quotes) and is followed by a space; several insert their longest common
    /// prefix, when that adds anything, and are listed.
    public func edit(_ lineBeforeCursor: String) -> CompletionEdit {
        let found = candidates(lineBeforeCursor)
        guard !found.isEmpty else { return .none }
        if truncation.happened { return CompletionEdit(candidates: found + ["..."]) }
        let typed = Tokenizer.typedCurrentWord(lineBeforeCursor)
        let current = Tokenizer.partial(lineBeforeCursor).current
        let style: Character? = typed.first == "'" || typed.first == "\"" ? typed.first : nil
        let replacement: String
        if found.count == 1 {
            replacement = Self.quoted(found[0], style: style, closed: true) + " "
        } else {
            let common = Self.commonPrefix(found)
            guard common.count >= current.count, common != current else {
                return CompletionEdit(candidates: found)
            }
            replacement = Self.quoted(common, style: style, closed: false)
        }
        if replacement == typed { return CompletionEdit(candidates: found.count > 1 ? found : []) }
        return CompletionEdit(deleteCount: typed.unicodeScalars.count, insert: replacement,
                              candidates: found.count > 1 ? found : [])
    }

    /// The longest prefix all words share, compared character by character.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }

    /// `word` as the tokenizer reads it back: bare when it can be, else in the quotes the user
    /// opened (single when possible) or double quotes with `\"` and `\\` escaped. An unfinished
    /// word keeps its quote open.
    static func quoted(_ word: String, style: Character?, closed: Bool) -> String {
        let special: Set<Character> = [" ", "\t", "'", "\"", "\\"]
        guard style != nil || word.contains(where: special.contains) else { return word }
        if style == "'", !word.contains("'") {
            return "'" + word + (closed ? "'" : "")
        }
        var text = "\""
        for ch in word {
            if ch == "\"" || ch == "\\" { text.append("\\") }
            text.append(ch)
        }
        return text + (closed ? "\"" : "")
    }
}
