import Foundation
import Testing

@Suite struct BinaryTests {
    @Test func versionOfHelpExitsZero() throws {
        let r = try Binary.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }

    @Test func globalOptionsTakeTheirValueInEitherFormAndEndAtTheCommand() throws {
        let home = NSTemporaryDirectory() + "discovery-e2e-" + UUID().uuidString
        let db = home + "/elsewhere.sqlite"
        let created = try Binary.run(["--db=\(db)", "--user", "maria", "lead", "new", "Mercy Regional", "--owner", "maria"], home: home)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
        // `--` ends the global options; what follows is the command, even a word like --help.
        let listed = try Binary.run(["--db", db, "--no-color", "--", "lead", "list"], home: home)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Mercy Regional"))
        let commandHelp = try Binary.run(["--db", db, "lead", "list", "--help"], home: home)
        #expect(!commandHelp.stdout.contains("--question-sets DIR"))
        // The command, not the global parser, answers it (lead list has no --help option).
        #expect(commandHelp.status == 2 && commandHelp.stderr.contains("unknown option '--help' for 'lead list'"), "\(commandHelp.stderr)")
    }

    @Test(arguments: [["--db"], ["--user"], ["--question-sets"], ["--db="], ["--no-color=yes", "help"]])
    func aGlobalOptionWithoutItsValueIsAUsageError(arguments: [String]) throws {
        let r = try Binary.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("discovery: \(arguments[0].split(separator: "=")[0])"), "\(r.stderr)")
        #expect(r.stdout == "")
    }

    /// `discovery help | head -0`: the reader has gone; the program ends quietly with exit 0
    /// (the CLI's decision), not with SIGPIPE or an error message.
    @Test(arguments: [["--help"], ["help"], ["export"]])
    func aClosedStandardOutputEndsQuietly(arguments: [String]) throws {
        let r = try Binary.run(arguments, closedStdout: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
    }

    @Test func aMistypedGlobalOptionIsNamedWithTheClosest() throws {
        let r = try Binary.run(["--no-colour", "status"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown option '--no-colour'. Did you mean '--no-color'? Global options: --db, --question-sets, --user, --no-color, --keep-going, --help."), "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test func shortHelpIsTheSameHelp() throws {
        let long = try Binary.run(["--help"])
        let short = try Binary.run(["-h"])
        #expect(short.status == 0 && short.stdout == long.stdout)
        #expect(long.stdout.contains("--keep-going") && long.stdout.contains("EXIT CODES"))
    }
}
