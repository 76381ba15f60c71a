import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor

/// Runs one interview: asks the current question through `session.reader`, commits each answer
/// the moment it is entered, and lets `InterviewState` decide what comes next. The same code
/// serves a terminal and a script (`discovery < script.txt`, the lines after `ask` answering).
final class Interview {
    let session: Session
    let lead: Lead
    let sets: [QuestionSet]
    private(set) var state: InterviewState
    private var shownSet: String?
    private var cancelHintShown = false
    /// The scores and verdict last shown, so a line repeats them only when they change.
    private var shownScores: String?
    /// The question answered by the line just before: a `/note` typed right after an answer
    /// belongs to that answer, not to the question the interview has moved on to.
    private var justAnswered: Question?
    /// Consent is asked at most once per interview (after a `then-ask-consent` question).
    private var consentAsked = false

    init(session: Session, lead: Lead, sets: [QuestionSet]) throws(DiscoveryError) {
        self.session = session
        self.lead = lead
        self.sets = sets
        let answers = try session.store.answersInForce(lead: lead.id)
        let questions = sets.flatMap(\.questions)
        // What the lead record answers (`from-lead`) is not asked again: it is confirmed in one line.
        fromLeadRecord = LeadRecordAnswers.derived(QualificationRecord(lead: lead, answers: answers), questions: questions)
        self.state = InterviewState(questions: questions, answers: answers.merging(fromLeadRecord) { recorded, _ in recorded })
    }

    /// Answers the lead record gives (`set.question` → value), confirmed instead of asked.
    private let fromLeadRecord: [String: AnswerValue]

    /// Asks until every applicable question is answered or skipped, or the rep stops.
    /// In a script, a storage failure (database locked past the timeout, disk full) ends the
    /// interview with that error: the lines after it were meant for questions not yet saved.
    /// On a terminal the rep is told and the question is asked again.
    func run() throws(DiscoveryError) {
        defer { session.interviewCompletions = nil }
        guard state.current != nil else {
            session.print("\(lead.label): every applicable question of \(sets.map(\.id).joined(separator: ", ")) is answered."
                          + " 'answers' shows them; 'answer QUESTION VALUE' revises one.")
            return
        }
        session.print(InterviewRenderer.opening(lead: lead, sets: sets, state: state))
        for q in sets.flatMap(\.questions) {
            guard let value = fromLeadRecord[q.fullId], let source = q.fromLead else { continue }
            session.print(InterviewRenderer.fromLeadRecord(value, question: q, field: source.field,
                                                           fieldValue: source.value(of: lead) ?? ""))
        }
        var showQuestion = true
        while let q = state.current {
            if showQuestion { show(q) }
            session.interviewCompletions = completions(for: q)
            let prompt = InterviewRenderer.prompt(lead: lead, question: q, state: state)
            let input = InterviewInput.parse(session.reader.readLine(prompt: prompt))
            showQuestion = false
            // Only notes keep the link to the answer just given; any other input ends it.
            let noteTarget = justAnswered ?? q
            if case .note = input {} else { justAnswered = nil }
            switch input {
            case .stop:
                session.print(InterviewRenderer.closing(state: state, lead: lead))
                return
            case .answer(let text):
                // At a terminal, a text answer that is exactly a command name was most likely
                // meant for the shell: ask before saving it (a script's lines are saved as given).
                if q.type == .text, session.isInteractive, InterviewInput.isCommandName(text), !confirmCommandWord(text, for: q) {
                    continue
                }
                showQuestion = try commit(text, to: q)
                if showQuestion {
                    justAnswered = q
                    askConsentIfDue(after: q)
                }
            case .skip:
                state.skip(q)
                showQuestion = true
                askConsentIfDue(after: q)
            case .back:
                if state.back() {
                    showQuestion = true
                } else {
                    report("this is the first question of the interview; nothing to go back to")
                }
            case .why:
                session.print(InterviewRenderer.why(q))
            case .note(let text):
                saveNote(text, on: noteTarget)
            case .help:
                session.print(InterviewRenderer.help)
            case .status:
                do throws(DiscoveryError) {
                    session.print(InterviewRenderer.status(try session.qualification(lead).verdict, lead: lead))
                } catch {
                    report(error.message)
                }
            case .cancel:
                if !cancelHintShown, session.isInteractive {
                    session.print(InterviewRenderer.cancelHint)
                    cancelHintShown = true
                }
            case .invalid(let message):
                report(message)
            }
        }
        session.print(InterviewRenderer.closing(state: state, lead: lead))
    }

    private func show(_ q: Question) {
        if shownSet != q.setId {
            shownSet = q.setId
            session.print(InterviewRenderer.setHeading(sets.first { $0.id == q.setId }, id: q.setId))
        }
        for line in InterviewRenderer.question(q, current: state.answers[q.fullId], revisiting: state.isRevisiting) {
            session.print(line)
        }
    }

    /// Parses and commits one answer. Returns true when the interview moves on (show the next
    /// question), false when the same question is asked again (bad input, storage error).
    private func commit(_ text: String, to q: Question) throws(DiscoveryError) -> Bool {
        do throws(DiscoveryError) {
            let parsed = try AnswerParser.parse(text, for: q)
            let flagsBefore = session.flagsBeforeAnswer(lead)
            let saved = try session.store.recordAnswer(lead: lead.id, question: q.fullId, value: parsed.value,
                                                       note: nil, people: parsed.people, actor: session.user, at: session.now())
            state.answered(q, with: saved.value)
            if let value = saved.value {
                // The rep sees readiness change as they type: the scores and verdict, when they moved.
                let scores = (try? session.qualification(lead).verdict).map(InterviewRenderer.scores)
                let changed = scores != shownScores ? scores : nil
                if scores != nil { shownScores = scores }
                session.print(InterviewRenderer.saved(value, question: q, addedPeople: !parsed.people.isEmpty, scores: changed))
            }
            session.refreshQualification(lead.id)
            if let flagsBefore { session.checkRequalification(lead.id, .answer(question: q.fullId, flagsBefore: flagsBefore)) }
            return true
        } catch {
            if error.kind == .storage && !session.isInteractive {
                session.print(InterviewRenderer.closing(state: state, lead: lead))
                throw error
            }
            report(error.message)
            return false
        }
    }

    /// After a `then-ask-consent` question (at a terminal, once per interview, not while revising with `/back`):
    /// asks the lead's consent and each contact's where it is still unknown. `yes` or `no` is
    /// saved at once (audited, as `lead set` / `contact set` would); Enter leaves it unknown.
    private func askConsentIfDue(after q: Question) {
        // At a terminal only: a script's lines after `ask` answer the questions, as they always did.
        guard q.thenAskConsent, session.isInteractive, !consentAsked, !state.isRevisiting else { return }
        consentAsked = true
        guard let current = try? session.store.lead(id: lead.id) else { return }
        let contacts = (try? session.store.contacts(lead: lead.id)) ?? []
        var asked = false
        if current.consent == .unknown {
            asked = true
            guard let consent = askConsent(of: current.org) else { return }
            if let consent {
                do throws(DiscoveryError) {
                    try session.store.updateLead(id: lead.id, field: .consent, value: consent.rawValue,
                                                 actor: session.user, at: session.now())
                    session.print("  consent of \(current.org): \(consent.rawValue)")
                } catch {
                    report(error.message)
                }
            }
        }
        for contact in contacts where contact.consent == .unknown {
            asked = true
            guard let consent = askConsent(of: contact.name) else { return }
            guard let consent else { continue }
            do throws(DiscoveryError) {
                try session.store.updateContact(id: contact.id, field: .consent, value: consent.rawValue,
                                                actor: session.user, at: session.now())
                session.print("  consent of \(contact.name): \(consent.rawValue)")
            } catch {
                report(error.message)
            }
        }
        if asked { session.refreshQualification(lead.id) }
    }

    /// One consent question: `.some(.yes / .no)`, `.some(nil)` for Enter (still unknown), `nil`
    /// when the rep ends the consent questions (Ctrl-C, Ctrl-D, `/stop`).
    private func askConsent(of who: String) -> Consent?? {
        while true {
            let reply = session.reader.readLine(
                prompt: "Consent: may we follow up with \(who) (calls, email)? yes / no, Enter leaves it unknown> ")
            guard case .line(let line) = reply else { return nil }
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            switch text {
            case "": return .some(nil)
            case "y", "yes": return .yes
            case "n", "no": return .no
            case "/stop": return nil
            default: report("'\(line)' is not a consent answer: type yes or no (Enter leaves it unknown, /stop skips the consent questions)")
            }
        }
    }

    /// Asks whether `text`, a command name, is really the answer; true to save it.
    private func confirmCommandWord(_ text: String, for q: Question) -> Bool {
        let reply = session.reader.readLine(
            prompt: "'\(text)' is a command name: save it as the answer to \(q.fullId)? (y/N; /status shows the scores, /stop ends the interview) ")
        if case .line(let typed) = reply, ["y", "yes"].contains(typed.trimmingCharacters(in: .whitespaces).lowercased()) {
            return true
        }
        session.print("  not saved; the question is asked again")
        return false
    }

    private func saveNote(_ text: String, on q: Question) {
        do throws(DiscoveryError) {
            let note = try Validation.text(text, name: "the note")
            try session.store.addNote(lead: lead.id, question: q.fullId, note: note, actor: session.user, at: session.now())
            session.print("  note saved on \(q.fullId)")
        } catch {
            report(error.message)
        }
    }

    /// A problem with what was typed: the question is asked again. In a script the line number
    /// says which line was refused.
    private func report(_ message: String) {
        let prefix = session.isInteractive ? "error: " : "line \(session.reader.lineNumber): "
        session.err.write(prefix + message + "\n")
    }

    private func completions(for q: Question) -> [String] {
        Completer.answerWords(for: q) + InterviewInput.commands
    }
}
