import DiscoveryCore

/// Where an interview stands: which question is being asked, what has been answered, what the
/// rep skipped and what `/back` returns to. Pure state transitions, no I/O: the driver
/// (`Interview`) reads lines and commits answers; this decides what comes next.
struct InterviewState {
    /// Every question of the interviewed sets, in interview order.
    let questions: [Question]
    /// The answers in force for the lead, kept current as answers are committed.
    private(set) var answers: [String: AnswerValue]
    /// Questions skipped in this interview (asked again by the next `ask`).
    private(set) var skipped: Set<String> = []
    /// Questions resolved (answered, kept or skipped) in this interview, in the order asked.
    private(set) var history: [String] = []
    /// While revising through `/back`: the position in `history` being asked again. Resolving
    /// it moves forward through the history (Enter keeps each answer) back to new questions.
    private(set) var cursor: Int?
    private(set) var answeredCount = 0
    private(set) var skippedCount = 0

    init(questions: [Question], answers: [String: AnswerValue]) {
        self.questions = questions
        self.answers = answers
    }

    /// The question to ask now: the one `/back` returned to, else the first applicable question
    /// that is neither answered nor skipped. `when` is evaluated against the answers as they are
    /// now, so a follow-up appears as soon as the answer it depends on is given. `nil`: done.
    var current: Question? {
        if let cursor, let q = question(history[cursor]) { return q }
        return questions.first { q in
            answers[q.fullId] == nil && !skipped.contains(q.fullId) && q.isApplicable(given: answers)
        }
    }

    /// True when the current question is one `/back` returned to (it has an answer to keep).
    var isRevisiting: Bool { cursor != nil }

    /// The current question's place among the applicable questions of its set: `2/4`.
    func progress(of q: Question) -> (position: Int, total: Int) {
        let inSet = questions.filter { $0.setId == q.setId && ($0.fullId == q.fullId || $0.isApplicable(given: answers)) }
        let position = (inSet.firstIndex { $0.fullId == q.fullId } ?? 0) + 1
        return (position, inSet.count)
    }

    /// Applicable questions still unanswered (skipped ones included).
    var openCount: Int {
        questions.filter { answers[$0.fullId] == nil && $0.isApplicable(given: answers) }.count
    }

    /// The current question was answered with `value` (already committed).
    mutating func answered(_ q: Question, with value: AnswerValue?) {
        answers[q.fullId] = value
        skipped.remove(q.fullId)
        answeredCount += 1
        resolve(q)
    }

    /// The rep pressed Enter on an empty line: skip it, or keep the answer when revisiting.
    mutating func skip(_ q: Question) {
        if answers[q.fullId] == nil, !skipped.contains(q.fullId) {
            skipped.insert(q.fullId)
            skippedCount += 1
        }
        resolve(q)
    }

    /// `/back`: returns to the previous question of this interview that still applies. False
    /// when there is none (the current question is the first).
    mutating func back() -> Bool {
        var i = (cursor ?? history.count) - 1
        while i >= 0, !applies(history[i]) { i -= 1 }
        guard i >= 0 else { return false }
        cursor = i
        return true
    }

    private mutating func resolve(_ q: Question) {
        guard var i = cursor else {
            history.append(q.fullId)
            return
        }
        i += 1
        while i < history.count, !applies(history[i]) { i += 1 }
        cursor = i < history.count ? i : nil
    }

    private func applies(_ fullId: String) -> Bool {
        question(fullId)?.isApplicable(given: answers) ?? false
    }

    private func question(_ fullId: String) -> Question? {
        questions.first { $0.fullId == fullId }
    }
}
