import DiscoveryCore
import LineEditor

/// Tab completion, pure over the session: given the text before the cursor, the words that can
/// replace the word being typed (`candidates`) and the edit Tab makes (`edit`, in
/// `Completion+Edit.swift`). It reads the grammar from each command's `CommandSpec`.
public struct Completer {
    let session: Session
    /// Dynamic lists (lead names) stop at this many.
    let limit: Int
    /// Set when a dynamic list was cut at `limit`: the candidates are then only a sample, and
    /// Tab lists them without inserting a common prefix that the rest may not share.
    let truncation = Truncation()

    final class Truncation {
        var happened = false
    }

    public init(session: Session, limit: Int = 200) {
        self.session = session
        self.limit = limit
    }

    /// The words that could replace the word under the cursor, unquoted, in a stable order.
    public func candidates(_ lineBeforeCursor: String) -> [String] {
        let (words, current) = Tokenizer.partial(lineBeforeCursor)
        if let answers = session.interviewCompletions {
            return words.isEmpty ? Self.listItems(answers, current: current) : []
        }
        return Self.matching(words: words, current: current, in: self)
    }

    static func matching(words: [String], current: String, in completer: Completer) -> [String] {
        filter(completer.words(after: words, current: current), by: current)
    }

    /// Keeps the candidates that start with `current` (ignoring case), without duplicates.
    static func filter(_ candidates: [String], by current: String) -> [String] {
        let prefix = current.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.lowercased().hasPrefix(prefix) && seen.insert($0).inserted }
    }

    /// Completes one item of a comma-separated list (`multi` answers: `a,b,<Tab>`).
    static func listItems(_ options: [String], current: String) -> [String] {
        guard let comma = current.lastIndex(of: ",") else { return filter(options, by: current) }
        let done = String(current[...comma])
        let chosen = Set(done.dropLast().split(separator: ",").map(String.init))
        let rest = String(current[current.index(after: comma)...])
        return filter(options.filter { !chosen.contains($0) }, by: rest).map { done + $0 }
    }

    // MARK: grammar

    /// Every word that fits the position after `words`, before filtering by what is typed.
    func words(after words: [String], current: String) -> [String] {
        guard let first = words.first else { return CommandRegistry.topLevelNames }
        let command = CommandRegistry.all
            .filter { $0.spec.path.count <= words.count && Array(words.prefix($0.spec.path.count)) == $0.spec.path }
            .max { $0.spec.path.count < $1.spec.path.count }
        var result: [String] = []
        if words.count == 1 { result += CommandRegistry.subcommands(of: first) }
        guard let spec = command?.spec else { return result }
        let rest = Array(words.dropFirst(spec.path.count))
        return result + self.words(for: spec, rest: rest, current: current)
    }

    /// Candidates for the word after `rest` (the words past the command's name).
    func words(for spec: CommandSpec, rest: [String], current: String) -> [String] {
        var positional: [String] = []
        var pendingOption: OptionSpec?
        var optionsEnded = false
        var given: Set<String> = []
        for word in rest {
            if pendingOption != nil { pendingOption = nil; continue }
            if optionsEnded || !Invocation.looksLikeOption(word) { positional.append(word); continue }
            if word == "--" { optionsEnded = true; continue }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            given.insert(name)
            if let option = spec.option(named: name), option.value != nil, !word.contains("=") { pendingOption = option }
        }
        let context = Context(spec: spec, rest: rest, positional: positional, current: current)
        if let option = pendingOption {
            return values(option.completion, context: context)
        }
        if !optionsEnded, current.hasPrefix("-") {
            if let eq = current.firstIndex(of: "="), let option = spec.option(named: String(current[..<eq])) {
                return values(option.completion, context: context).map { option.name + "=" + $0 }
            }
            return spec.options.map(\.name).filter { !given.contains($0) }
        }
        return positionalWords(context)
    }

    /// What the command line says so far, for kinds that depend on it.
    struct Context {
        let spec: CommandSpec
        let rest: [String]
        let positional: [String]
        /// The word being typed.
        let current: String
        /// True when the command's first positional is an optional lead (`CMD [LEAD] ...`)
        /// and the user typed one.
        var leadGiven = false
    }

    private func positionalWords(_ base: Context) -> [String] {
        var context = base
        let kinds = context.spec.arguments
        guard !kinds.isEmpty else { return [] }
        var index = context.positional.count
        let optionalLead = kinds[0] == .lead && context.spec.usage.contains("[LEAD]") && kinds.count > 1
        if optionalLead {
            if index == 0 {
                return values(.lead, context: context) + values(kinds[1], context: context)
            }
            context.leadGiven = isLead(context.positional[0], notA: kinds[1], context: context)
            if !context.leadGiven { index += 1 }
        }
        if let max = context.spec.maxArguments {
            // Without its optional lead the command takes one word fewer.
            let most = optionalLead && !context.leadGiven ? max - 1 : max
            if context.positional.count >= most { return [] }
        }
        let kind = kinds[min(index, kinds.count - 1)]
        switch kind {
        case .command:
            // `help lead <Tab>`: the subcommands of the group named before.
            return index == 0 ? CommandRegistry.topLevelNames : CommandRegistry.subcommands(of: context.positional[0])
        case .none:
            // `answer [LEAD] QUESTION <Tab>`: the choices of the question named just before.
            guard let previous = context.positional.last, let question = (try? session.catalog)?.question(previous) else { return [] }
            return Self.listItems(Self.answerWords(for: question), current: context.current)
        default:
            return values(kind, context: context)
        }
    }

    /// Whether `word`, in the optional-lead slot, names a lead rather than the next argument.
    private func isLead(_ word: String, notA next: CompletionKind, context: Context) -> Bool {
        let nextWords = values(next, context: context)
        if !nextWords.isEmpty { return !nextWords.contains(word) }
        return (try? session.lead(word)) != nil
    }

    /// The words a question's answer can be: its choice ids, or yes/no.
    static func answerWords(for question: Question) -> [String] {
        switch question.type {
        case .choice, .multi: return question.choices.map(\.id)
        case .yesNo: return ["yes", "no"]
        default: return []
        }
    }
}
