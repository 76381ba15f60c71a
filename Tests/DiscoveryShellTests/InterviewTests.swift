import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

/// Interview transcripts driven in-process by a scripted reader.
@Suite struct InterviewTests {
    /// A shell on the two test sets with lead L1 current.
    func shell() throws -> TestShell {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new 'Mercy Regional'")
        return t
    }

    /// Runs `ask ARGS` with the given inputs; returns its output and the prompts shown.
    func interview(_ t: TestShell, _ inputs: [LineInput], args: String = "", interactive: Bool = true)
        -> (code: Int32, out: String, err: String, prompts: [String]) {
        let reader = ScriptedLineReader(inputs, interactive: interactive)
        t.session.reader = reader
        let r = t.output("ask" + (args.isEmpty ? "" : " " + args))
        return (r.code, r.out, r.err, reader.prompts)
    }

    @Test func walksEveryTypeAndCommitsEachAnswer() throws {
        let t = try shell()
        let r = interview(t, [
            .line("2"), .line("2026-04-15"), .line("y"), .line("250000.50"),
            .line("Ana Ruiz (economic-buyer), Ben Ode (technical)"), .line("Value analysis committee, monthly"),
            .line("clin, 4"), .line("Dana in IT security"),
        ])
        #expect(r.code == 0)
        #expect(r.err == "")
        #expect(r.out == """
            L1 Mercy Regional: 5 questions to ask in timeline, committee. Enter skips; /back /why /note TEXT /stop.
            timeline — Timeline and urgency
            Is there a target timeline for evaluation or procurement?
              1) this-quarter       Within this quarter
              2) next-two-quarters  In the next two quarters
              3) exploring          Just exploring, no plan
              saved: next-two-quarters — In the next two quarters  [fit 0 · intent 0 · readiness 10 → not-yet]
            Is there a planned review date? (a date, YYYY-MM-DD)
              saved: 2026-04-15
            Is budget approved? (yes/no)
              saved: yes
            How much is budgeted (USD)? (a number)
              saved: 250000.5
            committee — Buying committee
            Who gives final approval, and who else weighs in? (people as Name (role, Title), Name (role); roles: champion, economic-buyer, clinical-leader, technical, procurement, security, end-user, influencer)
              saved: Ana Ruiz, Ben Ode (in the stakeholder map)
            How does a new device get approved? (text)
              saved: Value analysis committee, monthly
            Which departments take part? (one or more numbers or ids, separated by commas)
              1) clinical     Clinical
              2) engineering  Clinical engineering
              3) procurement  Procurement / value analysis
              4) it           IT
              saved: clinical, it
            Who runs the IT review? (text)
              saved: Dana in IT security
            Interview done (8 answered, 0 skipped): every applicable question is answered. 'status L1' shows the verdict.

            """)
        #expect(r.prompts == ["L1 timeline 1/2> ", "L1 timeline 2/3> ", "L1 timeline 3/3> ", "L1 timeline 4/4> ",
                              "L1 committee 1/3> ", "L1 committee 2/3> ", "L1 committee 3/3> ", "L1 committee 4/4> "])
        #expect(try t.store.answersInForce(lead: 1) == [
            "timeline.evaluation-window": .choice("next-two-quarters"), "timeline.target-date": .date("2026-04-15"),
            "timeline.budget-approved": .yesNo(true), "timeline.budget-amount": .number(250000.5),
            "committee.approvers": .contacts(["Ana Ruiz", "Ben Ode"]), "committee.process": .text("Value analysis committee, monthly"),
            "committee.departments": .multi(["clinical", "it"]), "committee.it-review": .text("Dana in IT security"),
        ])
        let contacts = try t.store.contacts(lead: 1)
        #expect(contacts.map(\.name) == ["Ana Ruiz", "Ben Ode"])
        #expect(contacts.map(\.role) == [.economicBuyer, .technical])
        #expect(t.session.interviewCompletions == nil)
    }

    @Test func followUpsAppearOnlyWhenTheirConditionHolds() throws {
        let t = try shell()
        // "exploring" and "no": neither follow-up applies.
        let r = interview(t, [.line("exploring"), .line("n"), .line("/stop")])
        #expect(!r.out.contains("planned review date"))
        #expect(!r.out.contains("How much is budgeted"))
        #expect(r.prompts == ["L1 timeline 1/2> ", "L1 timeline 2/2> ", "L1 committee 1/3> "])
    }

    @Test func badInputIsReportedAndTheQuestionAskedAgain() throws {
        let t = try shell()
        let r = interview(t, [.line("maybe"), .line("9"), .line("1"), .line("2026-02-30"), .line("15/04/2026"),
                              .line("2026-04-30"), .line("perhaps"), .line("n"), .line("Ana (boss)"), .line("/stop")])
        #expect(r.err == """
            error: 'maybe' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring.
            error: '9' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring.
            error: timeline.target-date: 2026-02-30 does not exist: February 2026 has 28 days
            error: timeline.target-date takes a date as YYYY-MM-DD (e.g. 2026-04-15), not '15/04/2026'
            error: timeline.budget-approved takes yes or no (y/n), not 'perhaps'
            error: unknown role 'boss' in the answer to committee.approvers. Roles: champion, economic-buyer, clinical-leader, technical, procurement, security, end-user, influencer; a title goes after the role: Ana (role, boss)

            """)
        // The question is shown once; a re-ask shows only the prompt again.
        #expect(r.out.components(separatedBy: "Is there a target timeline").count == 2)
        #expect(r.prompts.prefix(3) == ["L1 timeline 1/2> ", "L1 timeline 1/2> ", "L1 timeline 1/2> "])
        #expect(try t.store.answersInForce(lead: 1) == [
            "timeline.evaluation-window": .choice("this-quarter"), "timeline.target-date": .date("2026-04-30"),
            "timeline.budget-approved": .yesNo(false),
        ])
    }

    @Test func numbersRejectNaNAndInfinityWithARetry() throws {
        let t = try shell()
        let r = interview(t, [.line("3"), .line("yes"), .line("nan"), .line("inf"), .line("1e400"), .line("12000"), .line("/stop")],
                          args: "timeline")
        #expect(r.err.components(separatedBy: "timeline.budget-amount takes a number").count == 4)
        #expect(try t.store.answersInForce(lead: 1)["timeline.budget-amount"] == .number(12000))
    }

    @Test func emptyLineSkipsAndTheNextAskResumesWithTheSkipped() throws {
        let t = try shell()
        let first = interview(t, [.line("1"), .line(""), .line("yes"), .line("/stop")], args: "timeline")
        #expect(first.out.contains("Interview ended (2 answered, 1 skipped); 2 questions still open: 'ask' resumes."))
        #expect(try t.store.answersInForce(lead: 1).keys.sorted() == ["timeline.budget-approved", "timeline.evaluation-window"])
        // Resuming asks what is still open, in set order: the skipped date, then the budget amount.
        let second = interview(t, [.line("2026-05-04"), .line("90000")], args: "timeline")
        #expect(second.prompts == ["L1 timeline 2/4> ", "L1 timeline 4/4> "])
        #expect(!second.out.contains("Is there a target timeline"))
        #expect(second.out.hasSuffix("Interview done (2 answered, 0 skipped): every applicable question is answered. 'status L1' shows the verdict.\n"))
        // Nothing left: ask says so and returns to the shell.
        let third = interview(t, [], args: "timeline")
        #expect(third.out == "L1: every applicable question of timeline is answered. 'answers' shows them; 'answer QUESTION VALUE' revises one.\n")
        #expect(third.prompts.isEmpty)
    }

    @Test func backRevisesThePreviousQuestionAndEnterKeepsAnswers() throws {
        let t = try shell()
        let r = interview(t, [
            .line("/back"),                   // nothing before the first question
            .line("1"), .line("2026-04-15"),
            .line("/back"), .line("/back"),   // back to the window, through the date
            .line("exploring"),               // the date no longer applies: on to the budget
            .line("/back"), .line(""),        // back to the window, Enter keeps it
            .line("/stop"),
        ], args: "timeline")
        #expect(r.err == "error: this is the first question of the interview; nothing to go back to\n")
        #expect(r.prompts == ["L1 timeline 1/2> ", "L1 timeline 1/2> ", "L1 timeline 2/3> ", "L1 timeline 3/3> ",
                              "L1 timeline 2/3> ", "L1 timeline 1/3> ", "L1 timeline 2/2> ", "L1 timeline 1/2> ", "L1 timeline 2/2> "])
        #expect(r.out.contains("  now: this-quarter — Within this quarter — Enter keeps it"))
        #expect(r.out.contains("  now: exploring — Just exploring, no plan — Enter keeps it"))
        #expect(try t.store.answersInForce(lead: 1) == [
            "timeline.evaluation-window": .choice("exploring"), "timeline.target-date": .date("2026-04-15"),
        ])
        let history = try t.store.answerHistory(lead: 1, question: "timeline.evaluation-window")
        #expect(history.map(\.value) == [.choice("this-quarter"), .choice("exploring")])
    }

    @Test func ctrlCCancelsTheQuestionAndTheInterviewGoesOn() throws {
        let t = try shell()
        let r = interview(t, [.line("1"), .interrupted, .interrupted, .line("2026-06-01"), .line("/stop")], args: "timeline")
        #expect(r.code == 0)
        #expect(r.prompts == ["L1 timeline 1/2> ", "L1 timeline 2/3> ", "L1 timeline 2/3> ", "L1 timeline 2/3> ", "L1 timeline 3/3> "])
        // One hint, not one per Ctrl-C; nothing recorded for the cancelled reads.
        #expect(r.out.components(separatedBy: "Ctrl-C asks the question again").count == 2)
        #expect(try t.store.answerHistory(lead: 1, question: "timeline.target-date").map(\.value) == [.date("2026-06-01")])
    }

    @Test func ctrlDEndsTheInterviewButNotTheShell() throws {
        let t = try shell()
        t.feed([.line("ask timeline"), .line("1"), .endOfInput, .line("answers timeline")], interactive: true)
        t.out.reset()
        #expect(t.shell.runInteractive() == 0)
        #expect(t.out.text.contains("Interview ended (1 answered, 0 skipped); 2 questions still open: 'ask' resumes."))
        // The shell went on to the next command after the interview ended.
        #expect(t.out.text.contains("  evaluation-window  Is there a target timeline for evaluation or procurement?"))
        let prompts = (t.session.reader as? ScriptedLineReader)?.prompts ?? []
        #expect(prompts == ["L1 Mercy Regional> ", "L1 timeline 1/2> ", "L1 timeline 2/3> ", "L1 Mercy Regional> ", "L1 Mercy Regional> "])
    }

    @Test func whyAndNoteStayOnTheQuestion() throws {
        let t = try shell()
        let r = interview(t, [.line("/why"), .line("/note CFO signs off in May"), .line("/note"), .line("2"), .line("/stop")],
                          args: "timeline")
        #expect(r.out.contains("  why: Readiness needs a stated evaluation window.\n"))
        #expect(r.out.contains("  note saved on timeline.evaluation-window\n"))
        #expect(r.err == "error: /note needs the note's text: /note TEXT\n")
        #expect(r.prompts.prefix(4).allSatisfy { $0 == "L1 timeline 1/2> " })
        let latest = try t.store.latestRevisions(lead: 1)
        #expect(latest.first?.value == .choice("next-two-quarters"))
        #expect(latest.first?.note == "CFO signs off in May")
    }

    @Test func aNoteTypedRightAfterAnAnswerGoesWithThatAnswer() throws {
        let t = try shell()
        let r = interview(t, [.line("1"), .line("/note CFO signs off in May"), .line("/note Budget from the capital pool"),
                              .line("/why"), .line("/note Review date not set yet"), .line("/stop")], args: "timeline")
        #expect(r.code == 0)
        #expect(r.out.contains("""
              note saved on timeline.evaluation-window
              note saved on timeline.evaluation-window

            """), "\(r.out)")
        // After /why the rep is on the next question: the note is that question's.
        #expect(r.out.contains("  note saved on timeline.target-date\n"))
        let notes = Dictionary(uniqueKeysWithValues: try t.store.latestRevisions(lead: 1).map { ($0.question, $0.note) })
        #expect(notes["timeline.evaluation-window"] == "Budget from the capital pool")
        #expect(notes["timeline.target-date"] == "Review date not set yet")
    }

    @Test func slashStatusShowsScoresAndMissingGatesInOneLine() throws {
        let t = try shell()
        let r = interview(t, [.line("1"), .line("/status"), .line("/stop")], args: "timeline")
        #expect(r.out.contains("  L1: fit 0 · intent 0 · readiness 15 → not-yet; missing gates: next-step\n"), "\(r.out)")
        #expect(r.prompts == ["L1 timeline 1/2> ", "L1 timeline 2/3> ", "L1 timeline 2/3> "])
    }

    @Test func aCommandNameTypedAtATextQuestionIsConfirmedBeforeItIsSaved() throws {
        let t = try shell()
        let r = interview(t, [.line(""), .line("status"), .line("n"), .line("call start"), .line(""),
                              .line("status"), .line("y"), .line("/stop")], args: "committee")
        #expect(r.code == 0)
        let ask = "'status' is a command name: save it as the answer to committee.process? (y/N; /status shows the scores, /stop ends the interview) "
        #expect(r.prompts.filter { $0 == ask }.count == 2, "\(r.prompts)")
        #expect(r.prompts.contains { $0.hasPrefix("'call start' is a command name") })
        #expect(r.out.components(separatedBy: "  not saved; the question is asked again\n").count == 3)
        #expect(try t.store.answersInForce(lead: 1)["committee.process"] == .text("status"))
    }

    @Test func aScriptSavesACommandNameAsGiven() throws {
        let t = try shell()
        let r = interview(t, [.line(""), .line("status"), .line("/stop")], args: "committee", interactive: false)
        #expect(r.code == 0)
        #expect(!r.prompts.contains { $0.contains("is a command name") })
        #expect(try t.store.answersInForce(lead: 1)["committee.process"] == .text("status"))
    }

    @Test func slashCommandsAreCheckedAndDoubleSlashEscapes() throws {
        let t = try shell()
        let r = interview(t, [.line("/bakc"), .line("/stop now"), .line("/stop")], args: "committee")
        #expect(r.err == """
            error: unknown interview command '/bakc'. Did you mean '/back'? Use /back, /why, /note TEXT, /status, /stop (start with // to answer text that begins with /)
            error: /stop takes nothing after it

            """)
        let s = interview(t, [.line(""), .line("//NICU and /OR teams"), .line("/stop")], args: "committee")
        #expect(s.err == "")
        #expect(try t.store.answersInForce(lead: 1)["committee.process"] == .text("/NICU and /OR teams"))
    }

    @Test func completionsOfferTheChoicesWhileAQuestionIsAsked() throws {
        let t = try shell()
        let reader = CompletionRecorder(session: t.session, inputs: [.line("1"), .line("2026-04-15"), .line("/stop")])
        t.session.reader = reader
        #expect(t.output("ask timeline").code == 0)
        #expect(reader.seen[0] == ["this-quarter", "next-two-quarters", "exploring", "/back", "/why", "/note", "/status", "/stop", "/help"])
        #expect(reader.seen[1] == ["/back", "/why", "/note", "/status", "/stop", "/help"])
        #expect(reader.seen[2] == ["yes", "no", "/back", "/why", "/note", "/status", "/stop", "/help"])
        #expect(t.session.interviewCompletions == nil)
    }

    @Test func askNeedsALeadAndKnownSets() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        #expect(t.output("ask").err == "error: no current lead: name one (e.g. L7) or pick one with 'use L7'\n")
        t.run("lead new Acme")
        let bad = t.output("ask timelin")
        #expect(bad.code == 1)
        #expect(bad.err == "error: unknown question set 'timelin'. Did you mean 'timeline'? Sets: timeline, committee\n")
        t.run("lead new Other --profile consumables")
        t.feed([.line("/stop")])
        // The default sets are the profile's: consumables asks committee only.
        #expect(t.output("ask --lead L2").out.contains("3 questions to ask in committee."))
    }

    @Test func scriptModeReportsTheLineOfABadAnswer() throws {
        let t = try shell()
        let r = interview(t, [.line("soon"), .line("3"), .line("/stop")], args: "timeline", interactive: false)
        #expect(r.err == "line 1: 'soon' is not a choice of timeline.evaluation-window: 1 this-quarter, 2 next-two-quarters, 3 exploring.\n")
        #expect(!r.out.contains("Ctrl-C"))
        #expect(try t.store.answersInForce(lead: 1) == ["timeline.evaluation-window": .choice("exploring")])
    }
}

/// A reader that records the session's interview completions at every read.
final class CompletionRecorder: LineReader {
    let session: Session
    var inputs: [LineInput]
    var seen: [[String]?] = []
    var lineNumber = 0
    let isInteractive = true

    init(session: Session, inputs: [LineInput]) {
        self.session = session
        self.inputs = inputs
    }

    func readLine(prompt: String) -> LineInput {
        seen.append(session.interviewCompletions)
        guard !inputs.isEmpty else { return .endOfInput }
        lineNumber += 1
        return inputs.removeFirst()
    }
}

/// A database another process keeps locked: a script's interview stops with the storage error
/// instead of feeding the following lines to the wrong questions.
@Suite struct InterviewStorageTests {
    @Test func aLockedDatabaseEndsAScriptInterviewWithExitCode4() throws {
        let t = try TestShell(catalog: TestCatalog.discovery)
        t.run("lead new 'Mercy Regional'")
        // Another process holds the write lock for 7 s (longer than the 5 s busy timeout).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [t.folder + "/discovery.sqlite"]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n.shell sleep 7\nCOMMIT;\n".utf8))
        try? input.fileHandleForWriting.close()
        Thread.sleep(forTimeInterval: 0.5)
        let reader = ScriptedLineReader([.line("1"), .line("2026-04-15"), .line("lead list")], interactive: false)
        t.session.reader = reader
        let r = t.output("ask timeline")
        #expect(r.code == 4)
        #expect(r.err.contains("the database is locked by another process"), "\(r.err)")
        #expect(r.out.hasSuffix("Interview ended (0 answered, 0 skipped); 2 questions still open: 'ask' resumes.\n"))
        // The lines after the failed answer were not consumed by the interview.
        #expect(reader.prompts.count == 1)
    }
}
