import Foundation
import DiscoveryCore

/// Checks of user-typed values shared by several commands.
enum Validation {
    /// A plausible address: one `@`, something before it, a dotted domain after, no blanks.
    static func email(_ text: String) throws(DiscoveryError) -> String {
        guard EmailAddress.isPlausible(text) else { throw .failed("invalid email '\(text)': expected name@example.org") }
        return text
    }

    static func nonNegativeInt(_ text: String, name: String) throws(DiscoveryError) -> Int {
        guard let n = Int(text), n >= 0 else { throw .failed("invalid \(name) '\(text)': expected a whole number, 0 or more") }
        return n
    }

    /// Free text typed by a person: no control characters, not blank.
    static func text(_ text: String, name: String, maxLength: Int = 500) throws(DiscoveryError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .failed("\(name) is empty") }
        if trimmed.utf8.count > maxLength * 4 || trimmed.count > maxLength {
            throw .failed("\(name) is too long (\(trimmed.count) characters; at most \(maxLength))")
        }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .failed("\(name) contains a control character")
        }
        return trimmed
    }

    static func profile(_ id: String, in catalog: Catalog) throws(DiscoveryError) -> String {
        guard catalog.profile(id) != nil else {
            let all = catalog.profiles.map(\.id)
            throw .failed("unknown profile '\(id)'.\(Suggestion.hint(for: id, in: all)) Profiles: \(all.joined(separator: ", "))")
        }
        return id
    }
}
