/// Email addresses as typed by people or found in CRM files.
public enum EmailAddress {
    /// A plausible address: one `@`, something before it, a dotted domain after, no blanks.
    public static func isPlausible(_ text: String) -> Bool {
        isPlausibleASCII(text) ?? isPlausibleText(text)
    }

    /// The test on characters, for any text.
    static func isPlausibleText(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: { $0.isWhitespace || $0.isNewline })
    }

    /// The same test on the bytes of an all-ASCII address (every imported row has one); nil
    /// when `text` holds other characters.
    static func isPlausibleASCII(_ text: String) -> Bool? {
        var at: Int?
        var count = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x40: // @
                if at != nil { return false }
                at = count
            case 0x09...0x0D, 0x20: // whitespace and line breaks
                return false
            default: break
            }
            count += 1
        }
        guard let at, at > 0 else { return false }
        let domain = text.utf8.dropFirst(at + 1)
        return domain.contains(0x2E) && domain.first != 0x2E && domain.last != 0x2E
    }
}
