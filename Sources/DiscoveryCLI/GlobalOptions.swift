import DiscoveryCore

/// The options that come before the shell command (SPEC §2). Parsed here by hand: five options
/// do not need a framework, and ArgumentParser's reflection cost about 2.5 ms of every start.
struct GlobalOptions {
    var database: String?
    var questionSets: String?
    var user: String?
    var noColor = false
    var keepGoing = false
    /// `--help` / `-h` before any command.
    var showHelp = false
    /// The shell command to run once and its words, exactly as given; empty for a shell.
    var command: [String] = []

    /// Global options end at the first word that is not one (or after `--`); that word and all
    /// after it are the command's, so `--help` after a command is the command's business.
    /// `--db PATH` and `--db=PATH` are the same.
    static func parse(_ words: [String]) throws(DiscoveryError) -> GlobalOptions {
        var options = GlobalOptions()
        var i = 0
        while i < words.count {
            let word = words[i]
            let (name, attached) = split(word)
            switch name {
            case "--db", "--question-sets", "--user":
                let value: String
                if let attached {
                    value = attached
                } else if i + 1 < words.count {
                    value = words[i + 1]
                    i += 1
                } else {
                    throw .usage("\(name) needs a value: \(name) \(valueName(name)). Try 'discovery --help'")
                }
                guard !value.isEmpty else { throw .usage("\(name) needs a non-empty \(valueName(name))") }
                switch name {
                case "--db": options.database = value
                case "--question-sets": options.questionSets = value
                default: options.user = value
                }
            case "--no-color", "--keep-going", "--help", "-h":
                if attached != nil { throw .usage("\(name) takes no value") }
                switch name {
                case "--no-color": options.noColor = true
                case "--keep-going": options.keepGoing = true
                default: options.showHelp = true
                }
            case "--":
                options.command = Array(words[(i + 1)...])
                return options
            default:
                // No command starts with '-': this is a mistyped global option.
                if name.hasPrefix("-") {
                    throw .usage("unknown option '\(name)'.\(Suggestion.hint(for: name, in: names)) Global options: \(names.joined(separator: ", ")). Try 'discovery --help'")
                }
                options.command = Array(words[i...])
                return options
            }
            i += 1
        }
        return options
    }

    /// Every global option, as `--help` lists them.
    static let names = ["--db", "--question-sets", "--user", "--no-color", "--keep-going", "--help"]

    private static func split(_ word: String) -> (name: String, value: String?) {
        guard word.hasPrefix("--"), let eq = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<eq]), String(word[word.index(after: eq)...]))
    }

    private static func valueName(_ option: String) -> String {
        switch option {
        case "--db": return "PATH"
        case "--question-sets": return "DIR"
        default: return "NAME"
        }
    }

    static let help = """
        discovery: structured discovery and SQL readiness for medtech and health-tech sales.

        USAGE: discovery [--db PATH] [--question-sets DIR] [--user NAME] [--no-color] [--keep-going] [COMMAND ...]

        With no COMMAND, starts the interactive shell (or, when standard input is not a terminal,
        runs each input line as a command). Type 'help' inside the shell, or 'discovery help',
        for the commands.

        OPTIONS:
          --db PATH             The database file (env DISCOVERY_DB; default
                                $XDG_DATA_HOME/discovery/discovery.sqlite).
          --question-sets DIR   The question-set folder (env DISCOVERY_QUESTION_SETS; default the
                                bundled question-sets/).
          --user NAME           Actor for the audit log and default owner (env DISCOVERY_USER,
                                default $USER).
          --no-color            No colour (NO_COLOR is honoured too).
          --keep-going          Script mode: do not stop at the first failing line.
          -h, --help            Show this help.

        EXIT CODES: 0 success, 1 a command failed, 2 usage error, 3 invalid question sets,
        4 storage error.
        """
}
