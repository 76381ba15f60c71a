/// A person's name split the way CRMs store it: salutation, first name, last name.
public struct PersonName: Sendable, Equatable {
    public var salutation: String
    public var first: String
    public var last: String

    /// Salutations CRMs keep in their own field (Salesforce's default picklist, and the usual others).
    static let salutations: Set<String> = ["dr.", "dr", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "prof.", "prof", "mx.", "mx"]

    public init(salutation: String, first: String, last: String) {
        self.salutation = salutation
        self.first = first
        self.last = last
    }

    /// `Dr. Ana Ruiz` → (`Dr.`, `Ana`, `Ruiz`); `Cher` → ("", "", `Cher`): a single word is a
    /// last name, which Salesforce requires.
    public init(splitting full: String) {
        var words = full.split(whereSeparator: { $0 == " " }).map(String.init)
        salutation = ""
        if words.count > 1, let w = words.first, Self.salutations.contains(w.lowercased()) {
            salutation = w
            words.removeFirst()
        }
        last = words.last ?? ""
        first = words.dropLast().joined(separator: " ")
    }

    /// Joins imported columns back into one name: `Dr.` `Ana` `Ruiz` → `Dr. Ana Ruiz`.
    public static func join(salutation: String?, first: String?, last: String?) -> String {
        [salutation, first, last].compactMap { $0?.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    var trimmingSpaces: String {
        func isBlank(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 }
        if !isBlank(utf8.first) && !isBlank(utf8.last) { return self }   // most cells
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
