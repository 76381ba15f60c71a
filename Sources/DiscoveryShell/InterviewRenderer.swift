import DiscoveryCore

/// The text of an interview: what the rep sees around each question. Pure: state in, lines out.
enum InterviewRenderer {
    /// `L7 timeline 2/4> `.
    static func prompt(lead: Lead, question: Question, state: InterviewState) -> String {
        let p = state.progress(of: question)
        return "\(lead.label) \(question.setId) \(p.position)/\(p.total)> "
    }

    /// The first line: who, which sets, how many questions, and the commands.
    static func opening(lead: Lead, sets: [QuestionSet], state: InterviewState) -> String {
        let n = state.openCount
        return "\(lead.label) \(lead.org): \(n) question\(n == 1 ? "" : "s") to ask in \(sets.map(\.id).joined(separator: ", "))."
            + " Enter skips; /back /why /note TEXT /stop."
    }

    /// `timeline — Timeline and urgency`, shown when the interview enters a set.
    static func setHeading(_ set: QuestionSet?, id: String) -> String {
        set.map { "\($0.id) — \($0.title)" } ?? id
    }

    /// The question, what it takes, its numbered choices, and the answer in force when revising.
    static func question(_ q: Question, current: AnswerValue?, revisiting: Bool) -> [String] {
        var lines: [String]
        switch q.type {
        case .choice:
            lines = [q.ask] + AnswerText.choiceLines(q)
        case .multi:
            lines = ["\(q.ask) \(AnswerText.inputHint(for: q))"] + AnswerText.choiceLines(q)
        default:
            lines = ["\(q.ask) \(AnswerText.inputHint(for: q))"]
        }
        if revisiting {
            let now = current.map { AnswerText.describe($0, for: q) } ?? "(not answered)"
            lines.append("  now: \(now) — Enter keeps it")
        }
        return lines
    }

    /// The one short line after an answer is committed; `scores` when they changed.
    static func saved(_ value: AnswerValue, question: Question, addedPeople: Bool, scores: String? = nil) -> String {
        "  saved: \(AnswerText.describe(value, for: question))\(addedPeople ? " (in the stakeholder map)" : "")"
            + (scores.map { "  [\($0)]" } ?? "")
    }

    /// `fit 15 · intent 0 · readiness 10 → not-yet`.
    static func scores(_ v: Verdict) -> String {
        "fit \(v.scores.fit) · intent \(v.scores.intent) · readiness \(v.scores.readiness) → \(v.kind.rawValue)"
    }

    /// One line for an answer the lead record gives: `  from the lead record: fit.specialty =
    /// cardiovascular — Cardiology ... (specialty cardiovascular); 'answer fit.specialty ...' revises it`.
    static func fromLeadRecord(_ value: AnswerValue, question q: Question, field: String, fieldValue: String) -> String {
        "  from the lead record: \(q.fullId) = \(AnswerText.describe(value, for: q)) (\(field) \(fieldValue));"
            + " 'answer \(q.fullId) VALUE' revises it"
    }

    /// `/status`: `  L1: fit 30 · intent 15 · readiness 20 → not-yet; missing gates: next-step`.
    static func status(_ v: Verdict, lead: Lead) -> String {
        let missing = v.missingGates.isEmpty ? "every gate met" : "missing gates: \(v.missingGates.joined(separator: ", "))"
        return "  \(lead.label): \(scores(v)); \(missing)"
    }

    static func why(_ q: Question) -> String {
        "  why: \(q.why ?? "no reason is given for this question in its set")"
    }

    static let help = "  Type the answer (a choice by number, id or the start of its id). Enter skips."
        + " /back revises the previous question, /why says why it is asked, /note TEXT attaches a note,"
        + " /status shows the scores and missing gates, /stop (or Ctrl-D) ends the interview; Ctrl-C asks the question again."

    static let cancelHint = "  (Ctrl-C asks the question again; /stop or Ctrl-D ends the interview)"

    /// The closing line: what was done and what is left.
    static func closing(state: InterviewState, lead: Lead) -> String {
        let done = "\(state.answeredCount) answered, \(state.skippedCount) skipped"
        let open = state.openCount
        if open == 0 {
            return "Interview done (\(done)): every applicable question is answered. 'status \(lead.label)' shows the verdict."
        }
        return "Interview ended (\(done)); \(open) question\(open == 1 ? "" : "s") still open: 'ask' resumes."
    }
}
