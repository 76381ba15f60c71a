/// A person's name kept as the parts CRMs store: salutation, first name, last name, suffix.
/// Parts come from the columns of an import, or once from `PersonName.split` of a whole name;
/// they are never joined and split again on the way out.
public struct PersonName: Sendable, Equatable, Codable {
    public var salutation: String
    public var first: String
    public var last: String
    public var suffix: String

    public init(salutation: String = "", first: String = "", last: String = "", suffix: String = "") {
        self.salutation = salutation
        self.first = first
        self.last = last
        self.suffix = suffix
    }

    /// What splitting a whole name gave.
    public enum Split: Sendable, Equatable {
        /// The name in parts.
        case parts(PersonName)
        /// The "name" is an email address: the person has no known first or last name.
        case emailOnly
        /// The words do not say which is the first name and which the last ("Mary Ann
        /// Smith", "García, José, Jr., MD"): the name is kept whole and reported.
        case ambiguous
    }

    /// Salutations CRMs keep in their own field (Salesforce's default picklist, and the usual others).
    static let salutations: Set<String> = ["dr", "mr", "ms", "mrs", "prof", "mx"]
    /// Generational and academic suffixes (HubSpot and Salesforce keep them apart from the last name).
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "dds", "rn"]
    /// Lower-case words that begin a family name ("Ana de la Cruz", "Jan van der Berg").
    static let particles: Set<String> = ["de", "da", "del", "della", "der", "di", "do", "dos", "das", "du", "la", "le",
                                         "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "y"]

    private static func key(_ word: Substring) -> String {
        word.lowercased().filter { $0 != "." }
    }

    /// Splits a whole name once: `Dr. Ana Ruiz` → (`Dr.`, `Ana`, `Ruiz`, ""); `José García, Jr.`
    /// → ("", `José`, `García`, `Jr.`); `García, José` → ("", `José`, `García`, ""); `Cher` →
    /// ("", "", `Cher`, ""); `ana@example.org` → `.emailOnly`; three words without a particle
    /// → `.ambiguous`.
    public static func split(_ full: String) -> Split {
        let text = full.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if text.isEmpty { return .ambiguous }
        if EmailAddress.isPlausible(text) { return .emailOnly }
        var pieces = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.split(separator: " ") }
        var suffix = ""
        if pieces.count > 1, let tail = pieces.last, tail.count == 1, suffixes.contains(key(tail[0])) {
            suffix = String(tail[0])
            pieces.removeLast()
        }
        var words: [Substring]
        var inverted: [Substring]?
        switch pieces.count {
        case 1: words = pieces[0]
        case 2:  // `Last, First`
            words = pieces[1]
            inverted = pieces[0]
        default: return .ambiguous
        }
        var salutation = ""
        if words.count > 1 || inverted != nil, let w = words.first, salutations.contains(key(w)) {
            salutation = String(w)
            words.removeFirst()
        }
        if suffix.isEmpty, inverted == nil, words.count > 1, let w = words.last, suffixes.contains(key(w)) {
            suffix = String(w)
            words.removeLast()
        }
        if let last = inverted {
            guard !last.isEmpty, !words.isEmpty else { return .ambiguous }
            return .parts(PersonName(salutation: salutation, first: words.joined(separator: " "),
                                     last: last.joined(separator: " "), suffix: suffix))
        }
        switch words.count {
        case 0: return .ambiguous
        case 1: return .parts(PersonName(salutation: salutation, last: String(words[0]), suffix: suffix))
        case 2: return .parts(PersonName(salutation: salutation, first: String(words[0]), last: String(words[1]), suffix: suffix))
        default:
            // Three words or more: only a particle says where the family name begins.
            guard let i = words.indices.dropFirst().first(where: { particles.contains(String(words[$0])) }) else {
                return .ambiguous
            }
            return .parts(PersonName(salutation: salutation, first: words[..<i].joined(separator: " "),
                                     last: words[i...].joined(separator: " "), suffix: suffix))
        }
    }

    /// The parts a contact stores for `name`: its split, empty parts for an email, `nil` when
    /// it cannot be split (the name is then kept whole).
    public static func parts(of name: String) -> PersonName? {
        switch split(name) {
        case .parts(let p): return p
        case .emailOnly: return PersonName()
        case .ambiguous: return nil
        }
    }

    /// The name from a CRM's own columns (salutation, first, last), kept as given; a suffix
    /// written after the last name (`García Jr.`, `García, Jr.`) is taken off into its own part.
    public init(columns salutation: String?, first: String?, last: String?) {
        var last = last ?? ""
        var suffix = ""
        let words = last.split(whereSeparator: { $0 == " " || $0 == "," })
        if words.count > 1, let w = words.last, Self.suffixes.contains(Self.key(w)) {
            suffix = String(w)
            last = words.dropLast().joined(separator: " ")
        }
        self.init(salutation: salutation ?? "", first: first ?? "", last: last, suffix: suffix)
    }

    /// The name as one line: `Dr. Ana Ruiz`, `José García, Jr.`.
    public var display: String {
        let main = [salutation, first, last].filter { !$0.isEmpty }.joined(separator: " ")
        return suffix.isEmpty ? main : main + ", " + suffix
    }

    /// No part is known (a contact known only by email).
    public var isEmpty: Bool { salutation.isEmpty && first.isEmpty && last.isEmpty && suffix.isEmpty }
}
