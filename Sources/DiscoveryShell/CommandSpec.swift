import DiscoveryCore

/// What kind of word a position takes, for Tab completion.
public enum CompletionKind: Sendable, Equatable {
    /// A command name (for `help`).
    case command
    case lead, contact, question, set, signal, profile
    /// A fixed list of words.
    case words([String])
    /// Free text: nothing to complete.
    case none

    /// The words of a fixed-list type: `.values(Stage.self)`.
    public static func values<T: FixedListValue>(_ type: T.Type) -> CompletionKind { .words(T.words) }
}

/// One `--option` a command accepts.
public struct OptionSpec: Sendable {
    /// `--type`.
    public let name: String
    /// The value's placeholder (`T`); `nil` for a flag that takes no value.
    public let value: String?
    /// Worked out when Tab asks, not when the command table is built: that happens at every
    /// start, and a fixed list's words cost a run-time look-up of its type's conformances.
    public var completion: CompletionKind { completionKind() }
    private let completionKind: @Sendable () -> CompletionKind

    public init(_ name: String, _ value: String? = nil, completion: @autoclosure @escaping @Sendable () -> CompletionKind = .none) {
        self.name = name
        self.value = value
        self.completionKind = completion
    }

    public static func flag(_ name: String) -> OptionSpec { OptionSpec(name) }
}

/// The groups `help` lists commands under.
public enum HelpGroup: String, CaseIterable, Sendable {
    case leads = "Leads and contacts"
    case discovery = "Discovery"
    case verdicts = "Verdicts"
    case calls = "Calls"
    case output = "Output"
    case shell = "Shell"
}

/// A command's grammar and help: everything needed to parse, complete and document it.
public struct CommandSpec: Sendable {
    /// The words that name it: `["lead", "new"]`.
    public let path: [String]
    /// `lead new ORG [--type T] ...`. Like the completions, made when asked for (`help`, a
    /// usage error), not when the command table is built at every start.
    public var usage: String { usageText() }
    public var summary: String { summaryText() }
    public let example: String
    public let group: HelpGroup
    /// How many positional words it takes, at least and at most (`nil`: no limit).
    public let minArguments: Int
    public let maxArguments: Int?
    public let options: [OptionSpec]
    /// Completion for each positional position; the last one repeats.
    public var arguments: [CompletionKind] { argumentKinds() }
    private let usageText: @Sendable () -> String
    private let summaryText: @Sendable () -> String
    private let argumentKinds: @Sendable () -> [CompletionKind]

    public init(_ path: [String], usage: @autoclosure @escaping @Sendable () -> String,
                summary: @autoclosure @escaping @Sendable () -> String, example: String,
                group: HelpGroup, arguments: ClosedRange<Int> = 0...0, unlimited: Bool = false,
                options: [OptionSpec] = [], completing: @autoclosure @escaping @Sendable () -> [CompletionKind] = []) {
        self.path = path
        self.usageText = usage
        self.summaryText = summary
        self.example = example
        self.group = group
        self.minArguments = arguments.lowerBound
        self.maxArguments = unlimited ? nil : arguments.upperBound
        self.options = options
        self.argumentKinds = completing
    }

    public var name: String { path.joined(separator: " ") }

    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}
