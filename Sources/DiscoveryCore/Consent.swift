/// Whether a lead or contact agreed to be contacted. `no` forbids every outreach step.
public enum Consent: String, CaseIterable, Sendable, Codable {
    case yes, no, unknown
}

extension Consent: FixedListValue {
    public static let valueName = "consent"
    public static let listName = "Consent"

    /// `invalid consent 'maybe': use yes, no or unknown`.
    public static func unknownMessage(_ text: String) -> String {
        "invalid consent '\(text)': use \(words.dropLast().joined(separator: ", ")) or \(words.last ?? "")"
    }
}
