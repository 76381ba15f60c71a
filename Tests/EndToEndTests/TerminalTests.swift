import DiscoveryCore
import DiscoveryStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The shell on a pseudo-terminal, driven key by key: Tab, Ctrl-R, Up, Ctrl-C, Ctrl-D, history
/// across runs, UTF-8 and a kill -9. Each test has its own HOME and is bounded in time.
@Suite(.timeLimit(.minutes(2)))
struct TerminalTests {
    static let prompt = "discovery> "
    static let tab = "\t", enter = "\r", ctrlC = "\u{3}", ctrlD = "\u{4}", ctrlR = "\u{12}", up = "\u{1B}[A"

    /// Runs one command against the test's database, outside the terminal.
    static func oneShot(_ home: String, _ arguments: String...) throws -> Binary.Result {
        try Binary.run(arguments, home: home)
    }

    static func historyFile(_ home: String) -> String { home + "/state/discovery/history" }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }

    @Test func tabCompletesACommandName() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        try t.send("lead li" + Self.tab)
        try t.waitFor("st ")
        try t.send(Self.enter)
        try t.waitFor("No leads yet")
        try t.waitForPrompt(Self.prompt)
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    @Test func tabCompletesALeadNameWithQuotes() throws {
        let home = try PseudoTerminal.makeHome()
        #expect(try Self.oneShot(home, "lead", "new", "Mercy Regional").status == 0)
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        try t.send("use Mer" + Self.tab)
        try t.waitFor("\"Mercy Regional\" ")
        try t.send(Self.enter)
        try t.waitForPrompt("L1 Mercy Regional> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    @Test func tabCompletesAnOptionAndItsValue() throws {
        let home = try PseudoTerminal.makeHome()
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Acme --cons" + Self.tab)
        try t.waitFor("ent ")
        try t.send("n" + Self.tab)
        try t.waitFor("o ")
        try t.send(Self.enter)
        try t.waitForPrompt("L1 Acme> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
        let shown = try Self.oneShot(home, "lead", "show", "L1", "--json")
        #expect(shown.stdout.contains("\"consent\" : \"no\"") || shown.stdout.contains("\"consent\":\"no\""),
                "lead show: \(shown.stdout) \(shown.stderr)")
    }

    @Test func ctrlRFindsAnEarlierLine() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Alpha" + Self.enter)
        try t.waitForPrompt("L1 Alpha> ")
        try t.send("lead new Beta" + Self.enter)
        try t.waitForPrompt("L2 Beta> ")
        try t.send(Self.ctrlR + "Alp")
        try t.waitFor("new Alpha")
        try t.send(Self.enter)
        try t.waitForPrompt("L3 Alpha> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    @Test func upRecallsThePreviousLine() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Alpha" + Self.enter)
        try t.waitForPrompt("L1 Alpha> ")
        try t.send(Self.up)
        try t.waitFor("lead new Alpha")
        try t.send(Self.enter)
        try t.waitForPrompt("L2 Alpha> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    @Test func ctrlCCancelsAHalfTypedLineAndTheShellLivesOn() throws {
        let home = try PseudoTerminal.makeHome()
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Ghost")
        try t.waitFor("Ghost")
        try t.send(Self.ctrlC)
        try t.waitForPrompt("\n" + Self.prompt)
        try t.send("lead new Real" + Self.enter)
        try t.waitForPrompt("L1 Real> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
        let list = try Self.oneShot(home, "lead", "list")
        #expect(list.stdout.contains("Real") && !list.stdout.contains("Ghost"), "lead list: \(list.stdout)")
        let history = try String(contentsOfFile: Self.historyFile(home), encoding: .utf8)
        #expect(history.contains("Real") && !history.contains("Ghost"), "history: \(history)")
    }

    /// A Ctrl-C pressed the instant the echo appears lands between libedit's screen update and
    /// its next read; it must still cancel the line. Many rounds make that moment likely.
    @Test func ctrlCRightAfterTheEchoIsNeverLost() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        for round in 1...40 {
            let word = "w\(round)x"
            try t.send(word)
            try t.waitFor(word)
            try t.send(Self.ctrlC)
            try t.waitForPrompt("\n" + Self.prompt, timeout: 5)
        }
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    @Test func ctrlDOnAnEmptyLineExitsZeroWithANewline() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
        #expect(t.output.suffix(2) == Array("\r\n".utf8), "terminal: \(t.text.debugDescription)")
    }

    @Test func historyPersistsAcrossRunsOwnerOnly() throws {
        let home = try PseudoTerminal.makeHome()
        let first = try PseudoTerminal(home: home)
        try first.waitForPrompt(Self.prompt)
        try first.send("lead new Alpha" + Self.enter)
        try first.waitForPrompt("L1 Alpha> ")
        // Saved after each accepted line: a kill loses nothing.
        first.signal(SIGKILL)
        #expect(try first.waitForExit() == 128 + SIGKILL)
        let file = Self.historyFile(home)
        #expect(Self.mode(file) == 0o600)
        #expect(Self.mode(home + "/state/discovery") == 0o700)

        chmod(file, 0o644)
        let second = try PseudoTerminal(home: home)
        try second.waitForPrompt(Self.prompt)
        try second.send(Self.up)
        try second.waitFor("lead new Alpha")
        try second.send(Self.enter)
        try second.waitForPrompt("L2 Alpha> ")
        try second.send(Self.ctrlD)
        #expect(try second.waitForExit() == 0)
        #expect(Self.mode(file) == 0o600, "an existing history file is tightened to 0600")
    }

    @Test func utf8TextRoundTripsIntoTheDatabase() throws {
        let home = try PseudoTerminal.makeHome()
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new \"Hôpital Saint-Éloi\" --region Île-de-France" + Self.enter)
        try t.waitForPrompt("L1 Hôpital Saint-Éloi> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
        let shown = try Self.oneShot(home, "lead", "show", "L1", "--json")
        #expect(shown.stdout.contains("Hôpital Saint-Éloi") && shown.stdout.contains("Île-de-France"), "lead show: \(shown.stdout)")
    }

    /// A line far beyond the 4,095 bytes a cooked-mode terminal allows is read whole (the
    /// length check sees all of it), and the shell goes on.
    @Test func aLongLineIsReadWhole() throws {
        let home = try PseudoTerminal.makeHome()
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        let name = String(repeating: "x", count: 100_000)
        try t.send("lead new \(name) --region END" + Self.enter)
        try t.waitFor("(100000 characters", timeout: 60)
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Short" + Self.enter)
        try t.waitForPrompt("L1 Short> ")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    /// kill -9 right after `lead new` printed its id: the lead is there and the file is sound.
    @Test func killNineAfterAnAcknowledgedChangeKeepsIt() throws {
        let home = try PseudoTerminal.makeHome()
        let t = try PseudoTerminal(home: home)
        try t.waitForPrompt(Self.prompt)
        try t.send("lead new Kept" + Self.enter)
        try t.waitFor("L1\r\n")
        t.signal(SIGKILL)
        #expect(try t.waitForExit() == 128 + SIGKILL)
        let store = try SQLiteStore.open(path: home + "/data/discovery/discovery.sqlite")
        #expect(try store.pragma("integrity_check") == "ok")
        #expect(try store.lead(id: 1)?.org == "Kept")
    }
}
