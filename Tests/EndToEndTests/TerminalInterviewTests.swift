import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The interview on a real pseudo-terminal: the set-and-progress prompt, Tab on a choice id,
/// Ctrl-C asking the question again, a kill -9 that loses no answer, resuming, and Ctrl-D
/// leaving the interview for the shell.
@Suite(.timeLimit(.minutes(2)))
struct TerminalInterviewTests {
    static let tab = "\t", enter = "\r", ctrlC = "\u{3}", ctrlD = "\u{4}"

    @Test func interviewOnATerminalSurvivesAKillAndResumes() throws {
        let home = try PseudoTerminal.makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(try Binary.run(["lead", "new", "Mercy Regional"], home: home).status == 0)

        let first = try PseudoTerminal(home: home)
        try first.waitForPrompt("discovery> ")
        try first.send("use L1" + Self.enter)
        try first.waitForPrompt("L1 Mercy Regional> ")
        try first.send("ask timeline" + Self.enter)
        try first.waitForPrompt("L1 timeline 1/4> ")
        // Tab completes the choice id.
        try first.send("next-t" + Self.tab)
        try first.waitFor("wo-quarters")
        try first.send(Self.enter)
        try first.waitFor("saved: next-two-quarters")
        // The follow-up appears; Ctrl-C drops the half-typed date and asks again.
        try first.waitForPrompt("L1 timeline 2/5> ")
        try first.send("2026-0")
        try first.waitFor("2026-0")
        try first.send(Self.ctrlC)
        try first.waitFor("Ctrl-C asks the question again")
        try first.waitForPrompt("L1 timeline 2/5> ")
        try first.send("2026-06-30" + Self.enter)
        try first.waitFor("saved: 2026-06-30")
        try first.waitForPrompt("L1 timeline 3/5> ")
        first.signal(SIGKILL)
        #expect(try first.waitForExit() == 128 + SIGKILL)

        let answers = try Binary.run(["answers", "L1", "timeline", "--json"], home: home)
        #expect(answers.stdout.contains("\"value\" : \"next-two-quarters\""), "\(answers.stdout) \(answers.stderr)")
        #expect(answers.stdout.contains("\"value\" : \"2026-06-30\""), "\(answers.stdout)")
        #expect(!answers.stdout.contains("2026-0\""))

        // Resuming asks the first open question; Ctrl-D leaves the interview, not the shell.
        let second = try PseudoTerminal(home: home)
        try second.waitForPrompt("discovery> ")
        try second.send("use L1" + Self.enter)
        try second.waitForPrompt("L1 Mercy Regional> ")
        try second.send("ask timeline" + Self.enter)
        try second.waitFor("Is budget identified")
        try second.waitForPrompt("L1 timeline 3/5> ")
        try second.send(Self.ctrlD)
        try second.waitFor("Interview ended (0 answered, 0 skipped)")
        try second.waitForPrompt("L1 Mercy Regional> ")
        try second.send(Self.ctrlD)
        #expect(try second.waitForExit() == 0)
    }
}
