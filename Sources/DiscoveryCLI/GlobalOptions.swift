import ArgumentParser

/// The options that come before the shell command (SPEC §2).
struct GlobalOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discovery",
        abstract: "Structured discovery and SQL readiness for medtech and health-tech sales.",
        discussion: """
            With no COMMAND, starts the interactive shell (or, when standard input is not a
            terminal, runs each input line as a command). Type 'help' inside the shell for the commands.
            Exit codes: 0 success, 1 a command failed, 2 usage error, 3 invalid question sets,
            4 storage error.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("The database file (env DISCOVERY_DB).", valueName: "PATH"))
    var database: String?

    @Option(name: .customLong("question-sets"), help: ArgumentHelp("The question-set folder (env DISCOVERY_QUESTION_SETS).", valueName: "DIR"))
    var questionSets: String?

    @Option(name: .customLong("user"), help: ArgumentHelp("Actor for the audit log and default owner (env DISCOVERY_USER, default $USER).", valueName: "NAME"))
    var user: String?

    @Flag(name: .customLong("no-color"), help: "No colour (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(name: .customLong("keep-going"), help: "Script mode: do not stop at the first failing line.")
    var keepGoing = false

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("A shell command to run once, and its arguments.", valueName: "COMMAND"))
    var command: [String] = []
}
