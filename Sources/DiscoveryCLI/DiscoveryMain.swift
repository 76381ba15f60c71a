import DiscoveryCore
import DiscoveryShell
import DiscoveryStorage
import Foundation
import LineEditor
import QuestionSets

/// The program: parse global options, check the question sets, open the database, then run one
/// command, a script, or the interactive shell. Every failure ends in a message and a
/// documented exit code, never a trap.
public enum DiscoveryMain {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        signal(SIGPIPE, SIG_IGN)
        do {
            let options = try GlobalOptions.parse(arguments)
            if options.showHelp {
                StandardStreams.out.write(GlobalOptions.help + "\n")
                exit(0)
            }
            exit(try run(options, env: Environment()))
        } catch {
            // One line per problem: a folder of invalid question sets reports each `file:line: message`.
            for line in error.message.split(separator: "\n") { StandardStreams.err.write("discovery: \(line)\n") }
            exit(error.exitCode)
        }
    }

    static func run(_ options: GlobalOptions, env: Environment) throws(DiscoveryError) -> Int32 {
        RoundTripReport.install(env)
        let location = options.database ?? env["DISCOVERY_DB"] ?? env.defaultDatabase
        if options.command.first == "db" {
            return try DatabaseCommand.run(Array(options.command.dropFirst()), location: location,
                                           modelFolder: options.questionSets ?? env["DISCOVERY_QUESTION_SETS"], env: env,
                                           out: StandardStreams.out)
        }
        if options.command.first == "sets" {
            return try SetsCommand.run(Array(options.command.dropFirst()), location: location, env: env, out: StandardStreams.out)
        }
        let localFolder = options.questionSets ?? env["DISCOVERY_QUESTION_SETS"] ?? BundledQuestionSets.locate()
        if options.command.first == "lint" {
            return try lintOnly(options.command, defaultFolder: localFolder)
        }
        let opened = try StorageBackend.open(location, env: env)
        let code = try runShell(options, env: env, opened: opened, localFolder: localFolder)
        // The session, its shell and line editor are gone (the terminal is restored); the store
        // is closed, and the process ends still holding it: ending the process frees it, and the
        // driver's tear-down (GRDB's queue unregistering its observers through Foundation) was
        // a tenth of a short command's time.
        opened.store.close()
        withExtendedLifetime(opened) { exit(code) }
    }

    /// One command, a script or the interactive shell, on an open database.
    static func runShell(_ options: GlobalOptions, env: Environment, opened: OpenedStorage,
                         localFolder: String?) throws(DiscoveryError) -> Int32 {
        // On a team database every command evaluates with the published model, whatever the local folder holds.
        guard let setsDir = opened.modelFolder ?? localFolder else {
            throw .dataFile("no question sets found: pass --question-sets DIR or set DISCOVERY_QUESTION_SETS")
        }
        let loadCatalog = try CatalogLoader.checked(directory: setsDir, cache: env.catalogCache)
        let user = try StorageBackend.actor(opened, requested: options.user ?? env["DISCOVERY_USER"], fallback: env.user)

        let stdinIsTerminal = isatty(0) == 1
        let stdoutIsTerminal = isatty(1) == 1
        let scriptMode = options.command.isEmpty && !stdinIsTerminal
        let colour = stdoutIsTerminal && !scriptMode && !options.noColor && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        let editor = stdinIsTerminal ? Terminal.reader(historyFile: env.historyFile) : nil
        let reader: LineReader = editor ?? FileLineReader(fileDescriptor: 0)
        let clock: () -> Date = env.fixedNow.map { fixed in { fixed } } ?? Date.init
        let session = Session(store: opened.store, loadingCatalog: loadCatalog, user: user, reader: reader,
                              out: StandardStreams.out, err: StandardStreams.err, style: Style(enabled: colour),
                              width: Terminal.width(env), now: clock)
        session.questionSetsDirectory = setsDir
        session.scratchFolder = env.temporaryFolder
        if let items = try env.dueRunItems { session.dueRunItems = items }
        session.modelVersionSource = { opened.modelVersion ?? ModelDigest.version(directory: setsDir) }
        if let editor { Terminal.attachCompletion(to: editor, session: session) }
        let shell = Shell(session: session)
        if !options.command.isEmpty {
            return shell.execute(words: options.command)
        }
        if scriptMode {
            return shell.runScript(keepGoing: options.keepGoing)
        }
        return shell.runInteractive()
    }

    /// `discovery lint [DIR]`: needs no database and runs even when the default sets are invalid.
    static func lintOnly(_ words: [String], defaultFolder: String?) throws(DiscoveryError) -> Int32 {
        let (command, rest) = try CommandRegistry.match(words)
        let invocation = try Invocation.parse(rest, spec: command.spec)
        guard let folder = invocation.arguments.first ?? defaultFolder else {
            throw .usage("no question-set folder to check: discovery lint DIR")
        }
        try Lint.run(directory: folder, out: StandardStreams.out, err: StandardStreams.err)
        return 0
    }
}
