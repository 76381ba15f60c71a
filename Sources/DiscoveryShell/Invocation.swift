import DiscoveryCore

/// A parsed command line: the positional words and the options given.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let arguments: [String]
    public let options: [String: String]
    public let flags: Set<String>

    public func option(_ name: String) -> String? { options[name] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `words` (those after the command's path) against `spec`.
    public static func parse(_ words: [String], spec: CommandSpec) throws(DiscoveryError) -> Invocation {
        var arguments: [String] = []
        var options: [String: String] = [:]
        var flags: Set<String> = []
        var i = 0
        var optionsEnded = false
        while i < words.count {
            let word = words[i]
            i += 1
            if optionsEnded || !looksLikeOption(word) {
                arguments.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            var name = word
            var inline: String?
            if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<eq])
                inline = String(word[word.index(after: eq)...])
            }
            guard let opt = spec.option(named: name) else {
                let hint = Suggestion.hint(for: name, in: spec.options.map(\.name))
                let dash = word.hasPrefix("--") ? "" : " (put -- before a value that starts with -)"
                throw .usage("unknown option '\(name)' for '\(spec.name)'.\(hint)\(dash) Usage: \(spec.usage)")
            }
            if options[opt.name] != nil || flags.contains(opt.name) {
                throw .usage("option \(opt.name) given twice")
            }
            if let placeholder = opt.value {
                if let inline {
                    options[opt.name] = inline
                } else {
                    guard i < words.count else {
                        throw .usage("option \(opt.name) needs a value (\(opt.name) \(placeholder))")
                    }
                    options[opt.name] = words[i]
                    i += 1
                }
            } else {
                if inline != nil { throw .usage("option \(opt.name) takes no value") }
                flags.insert(opt.name)
            }
        }
        if arguments.count < spec.minArguments {
            throw .usage("'\(spec.name)' is missing an argument. Usage: \(spec.usage)")
        }
        if let max = spec.maxArguments, arguments.count > max {
            throw .usage("'\(spec.name)' takes at most \(max) argument\(max == 1 ? "" : "s"), got '\(arguments[max])' too. Usage: \(spec.usage)")
        }
        return Invocation(spec: spec, arguments: arguments, options: options, flags: flags)
    }

    /// `--x`, or `-x` where x is not a digit (negative numbers are values).
    static func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let second = word[word.index(after: word.startIndex)]
        return !(second.isNumber || second == ".")
    }
}
