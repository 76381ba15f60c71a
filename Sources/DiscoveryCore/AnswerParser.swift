import Foundation
/// A person named in a `contacts` answer, to be added to the stakeholder map.
public struct NamedPerson: Sendable, Equatable, Hashable {
    public var name: String
    public var role: ContactRole?
    /// The person's job title (`Name (role, Title)`).
    public var title: String?

    public init(name: String, role: ContactRole? = nil, title: String? = nil) {
        self.name = name
        self.role = role
        self.title = title
    }
}

/// What a typed answer means: the value to record and, for a `contacts` question, the people
/// to add to the stakeholder map.
public struct ParsedAnswer: Sendable, Equatable {
    public var value: AnswerValue
    public var people: [NamedPerson]

    public init(_ value: AnswerValue, people: [NamedPerson] = []) {
        self.value = value
        self.people = people
    }
}

/// Turns the text a rep typed into a typed answer for one question, or says exactly why not.
///
/// - `choice`: the choice's number (1-based, as listed), its id, or a unique prefix of its id.
/// - `multi`: several of those, separated by commas or blanks (`1, 3` or `ehr,pacs`).
/// - `yes-no`: `yes`, `no`, `y`, `n`.
/// - `number`: a decimal such as `320`, `-4` or `12.5`; not NaN or infinity.
/// - `date`: strictly `YYYY-MM-DD`.
/// - `contacts`: people separated by commas (or by semicolons when any is present outside
///   parentheses, so a name may hold a comma), each `Name`, `Name (role)`, `Name (role, Title)` or
///   `Name (, Title)`: `Ana Ruiz (economic-buyer, CFO), Ben Ode (technical)`.
/// - `text`: any text without control characters.
public enum AnswerParser {
    /// The longest answer taken, in characters: a problem statement fits, a pasted document does not.
    public static let maxLength = 2000

    public static func parse(_ raw: String, for question: Question) throws(DiscoveryError) -> ParsedAnswer {
        let text = raw.trimmingBlanks
        guard !text.isEmpty else { throw .failed("empty answer for \(question.fullId)") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .failed("the answer to \(question.fullId) contains a control character")
        }
        if text.count > maxLength {
            throw .failed("the answer to \(question.fullId) is too long (\(text.count) characters; at most \(maxLength))")
        }
        switch question.type {
        case .text:
            return ParsedAnswer(.text(text))
        case .choice:
            return ParsedAnswer(.choice(try choice(text, of: question)))
        case .multi:
            var ids: [String] = []
            for token in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                let id = try choice(String(token), of: question)
                if !ids.contains(id) { ids.append(id) }
            }
            guard !ids.isEmpty else { throw .failed("empty answer for \(question.fullId)") }
            return ParsedAnswer(.multi(ids))
        case .yesNo:
            switch text.lowercased() {
            case "yes", "y": return ParsedAnswer(.yesNo(true))
            case "no", "n": return ParsedAnswer(.yesNo(false))
            default: throw .failed("\(question.fullId) takes yes or no (y/n), not '\(text)'")
            }
        case .number:
            guard let n = number(text) else {
                throw .failed("\(question.fullId) takes a number such as 320 or 12.5, not '\(text)'")
            }
            return ParsedAnswer(.number(n))
        case .date:
            guard Dates.parseDay(text) != nil else {
                if let why = Dates.impossibleDay(text) { throw .failed("\(question.fullId): \(why)") }
                throw .failed("\(question.fullId) takes a date as YYYY-MM-DD (e.g. 2026-04-15), not '\(text)'")
            }
            return ParsedAnswer(.date(text))
        case .contacts:
            let people = try contacts(text, for: question)
            return ParsedAnswer(.contacts(people.map(\.name)), people: people)
        }
    }

    /// Resolves one choice token: its number, its id, or a unique prefix of its id (any case).
    public static func choice(_ token: String, of question: Question) throws(DiscoveryError) -> String {
        let t = token.trimmingBlanks
        let choices = question.choices
        if !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let n = Int(t), n >= 1, n <= choices.count { return choices[n - 1].id }
            throw notAChoice(t, of: question)
        }
        if let exact = choices.first(where: { $0.id.caseInsensitiveCompare(t) == .orderedSame }) {
            return exact.id
        }
        let prefixed = choices.filter { $0.id.lowercased().hasPrefix(t.lowercased()) }
        if prefixed.count == 1 { return prefixed[0].id }
        if prefixed.count > 1 {
            throw .failed("'\(t)' matches several choices of \(question.fullId): "
                + prefixed.map(\.id).joined(separator: ", ") + "; type more of it")
        }
        throw notAChoice(t, of: question)
    }

    /// `'maybe' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 ...`.
    static func notAChoice(_ token: String, of question: Question) -> DiscoveryError {
        let listed = question.choices.enumerated().map { "\($0.offset + 1) \($0.element.id)" }
        let hint = Suggestion.hint(for: token, in: question.choices.map(\.id))
        return .failed("'\(token)' is not a choice of \(question.fullId): \(listed.joined(separator: ", ")).\(hint)")
    }

    /// A plain decimal: optional sign, digits, optional fraction and exponent; finite.
    /// Rejects what `Double.init` would also take: `nan`, `inf`, hexadecimal.
    static func number(_ text: String) -> Double? {
        let allowed = Set("0123456789+-.eE")
        guard text.allSatisfy({ allowed.contains($0) }), text.contains(where: \.isNumber),
              let n = Double(text), n.isFinite else { return nil }
        return n
    }

    /// `Name (role), Name` → people; roles must be known (`ContactRole`).
    static func contacts(_ text: String, for question: Question) throws(DiscoveryError) -> [NamedPerson] {
        var people: [NamedPerson] = []
        for part in entries(text) {
            let entry = part.trimmingBlanks
            if entry.isEmpty { continue }
            let person = try person(entry, for: question)
            if let i = people.firstIndex(where: { $0.name.caseInsensitiveCompare(person.name) == .orderedSame }) {
                if person.role != nil { people[i].role = person.role }
                if person.title != nil { people[i].title = person.title }
            } else {
                people.append(person)
            }
        }
        guard !people.isEmpty else { throw .failed("empty answer for \(question.fullId)") }
        return people
    }

    /// The people of a contacts answer: split at `;` when one stands outside parentheses, else at
    /// `,`; never inside parentheses, where a comma parts the role from the title.
    static func entries(_ text: String) -> [String] {
        var depth = 0
        var outsideSemicolon = false
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if c == ";" && depth == 0 { outsideSemicolon = true }
        }
        let separator: Character = outsideSemicolon ? ";" : ","
        var out: [String] = []
        var current = ""
        depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if c == separator && depth == 0 {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out
    }

    private static func person(_ entry: String, for question: Question) throws(DiscoveryError) -> NamedPerson {
        guard let open = entry.firstIndex(of: "(") else {
            if entry.contains(")") { throw malformedPerson(entry, question) }
            return NamedPerson(name: entry)
        }
        guard entry.hasSuffix(")"), entry.filter({ $0 == "(" }).count == 1, entry.filter({ $0 == ")" }).count == 1 else {
            throw malformedPerson(entry, question)
        }
        let name = String(entry[..<open]).trimmingBlanks
        let inside = String(entry[entry.index(after: open)..<entry.index(before: entry.endIndex)])
        guard !name.isEmpty else { throw malformedPerson(entry, question) }
        // `(role, Title)`: the first comma parts the role (maybe empty) from the title.
        let comma = inside.firstIndex(of: ",")
        let roleText = String(comma.map { inside[..<$0] } ?? inside[...]).trimmingBlanks
        let titleText = comma.map { String(inside[inside.index(after: $0)...]).trimmingBlanks } ?? ""
        let title = titleText.isEmpty ? nil : titleText
        if roleText.isEmpty { return NamedPerson(name: name, title: title) }
        guard let role = ContactRole(word: roleText) else {
            throw .failed("unknown role '\(roleText)' in the answer to \(question.fullId).\(ContactRole.choices(for: roleText)); a title goes after the role: \(name) (role, \(roleText))")
        }
        return NamedPerson(name: name, role: role, title: title)
    }

    private static func malformedPerson(_ entry: String, _ question: Question) -> DiscoveryError {
        .failed("cannot read '\(entry)' in the answer to \(question.fullId): write people as Name (role, Title), Name (role)")
    }
}

extension String {
    /// Without leading and trailing blanks (spaces and tabs).
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
