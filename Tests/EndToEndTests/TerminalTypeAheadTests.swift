import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Fast hands on a pseudo-terminal: text typed the moment a prompt appears (type-ahead while a
/// command is still printing), then Ctrl-C 50 ms later, right after a Ctrl-C that cancelled a
/// Tab-completed word. The typed text must be echoed at once and every Ctrl-C must give a new
/// prompt at once, round after round at machine speed.
@Suite(.timeLimit(.minutes(2)))
struct TerminalTypeAheadTests {
    static let prompt = "discovery> "
    static let tab = "\t", ctrlC = "\u{3}", ctrlD = "\u{4}"

    @Test func typeAheadIsEchoedAndCtrlCAlwaysGivesANewPrompt() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        var notEchoed: [Int] = []
        for round in 1...40 {
            try t.send("lead li" + Self.tab)
            try t.waitFor("st ", timeout: 5)
            try t.send(Self.ctrlC)
            // The moment the new prompt is on the screen, not a moment later.
            try t.waitFor("\n" + Self.prompt, timeout: 5)
            let typed = Date()
            let word = "w\(round)x"
            try t.send(word)
            do {
                try t.waitFor(word, timeout: 0.05)
            } catch {
                notEchoed.append(round)
            }
            let left = 0.05 - Date().timeIntervalSince(typed)
            if left > 0 { usleep(useconds_t(left * 1_000_000)) }
            try t.send(Self.ctrlC)
            do {
                try t.waitFor("\n" + Self.prompt, timeout: 2)
            } catch {
                Issue.record("round \(round): the Ctrl-C after the typed text gave no new prompt within 2 s: \(error)")
                return
            }
        }
        #expect(notEchoed.isEmpty, "typed text not echoed within 50 ms in rounds \(notEchoed)")
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }

    /// A Ctrl-C that lands between "a key is there" and reading it: the terminal throws the
    /// typed-ahead keys away (ISIG), and a blocking read then waited, Ctrl-C pending, for the
    /// next key. Keys and Ctrl-C sent a few microseconds apart, swept over the gap, hit that
    /// moment within a few hundred rounds (before the fix, most runs of 900 lost one).
    @Test func ctrlCRightBehindTypedAheadKeysIsNeverLost() throws {
        let t = try PseudoTerminal(home: try PseudoTerminal.makeHome())
        try t.waitForPrompt(Self.prompt)
        for round in 0..<2000 {
            try t.send("abcdefgh")
            let gap = Double(round % 60) * 0.000_05
            let sent = Date()
            while Date().timeIntervalSince(sent) < gap {}
            try t.send(Self.ctrlC)
            do {
                try t.waitFor("\n" + Self.prompt, timeout: 2)
            } catch {
                Issue.record("round \(round) (gap \(Int(gap * 1_000_000)) µs): Ctrl-C gave no new prompt within 2 s")
                return
            }
        }
        try t.send(Self.ctrlD)
        #expect(try t.waitForExit() == 0)
    }
}
