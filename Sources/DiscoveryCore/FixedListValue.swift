/// A value typed as one word of a fixed list: a stage, an outcome, a reason code, a role,
/// consent, a next action, a format. Its cases give the parsing (in any letter case), the
/// "Did you mean" hint and the completion candidates, the way swift-argument-parser's
/// `ExpressibleByArgument` does for `CaseIterable & RawRepresentable` types.
public protocol FixedListValue: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// What one value is called in messages: `stage`, `reason code`.
    static var valueName: String { get }
    /// The list's heading in messages: `Stages`, `Reason codes`.
    static var listName: String { get }
    /// The exit code an unknown word gets: a failed command (1) unless the word shapes the
    /// command line itself, as `--format` does (usage, 2).
    static var unknownKind: DiscoveryError.Kind { get }
    /// Other words for a case (`markdown` for `md`), in lower case.
    static var aliases: [String: Self] { get }
    /// The message for a word that names no case.
    static func unknownMessage(_ text: String) -> String
}

extension FixedListValue {
    public static var unknownKind: DiscoveryError.Kind { .failed }
    public static var aliases: [String: Self] { [:] }

    /// Every case's word, in declaration order: what Tab offers and what a message lists. A
    /// closure, not `\.rawValue`: a key path of a generic type is instantiated at run time, and
    /// the command table asks every list for its words at each start.
    public static var words: [String] { allCases.map { $0.rawValue } }

    /// The case `text` names, in any letter case; `nil` if it names none.
    public init?(word text: String) {
        let lower = text.lowercased()
        guard let value = Self(rawValue: lower) ?? Self.aliases[lower] else { return nil }
        self = value
    }

    /// The case `text` names, or an error that quotes it, suggests the closest word and
    /// lists them all.
    public static func parse(_ text: String) throws(DiscoveryError) -> Self {
        guard let value = Self(word: text) else { throw DiscoveryError(unknownKind, unknownMessage(text)) }
        return value
    }

    /// `unknown stage 'sqll'. Did you mean 'sql'? Stages: new, mql, ...`
    public static func unknownMessage(_ text: String) -> String {
        "unknown \(valueName) '\(text)'.\(choices(for: text))"
    }

    /// ` Did you mean 'sql'? Stages: new, mql, ...`: the hint and the list, to follow a
    /// message about `text`. `words` narrows the list (the codes a question set may use).
    public static func choices(for text: String, among words: [String] = Self.words,
                               heading: String = Self.listName) -> String {
        "\(Suggestion.hint(for: text, in: words)) \(heading): \(words.joined(separator: ", "))"
    }
}
