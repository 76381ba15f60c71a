/// Email addresses as typed by people or found in CRM files.
public enum EmailAddress {
    /// A plausible address: one `@`, something before it, a dotted domain after, no blanks.
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: { $0.isWhitespace || $0.isNewline })
    }
}
