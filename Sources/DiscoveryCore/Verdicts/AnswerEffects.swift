/// The points, flags and hard stops that the answers in force produce (SPEC §6).
///
/// A question-level `score`, `flag` or `stop` applies when the question has any answer (for
/// `yes-no`: a yes); a choice's apply when it is chosen. Only applicable questions of the
/// profile's sets count: an answer to a follow-up whose `when` no longer holds, or to a question
/// outside the profile, is kept but has no effect.
struct AnswerEffects {
    var lines: [ScoreLine] = []
    var flags: [FlagHit] = []
    var stops: [HardStop] = []

    init(applicable: [Question], answers: [String: AnswerValue]) {
        for q in applicable {
            guard let value = answers[q.fullId] else { continue }
            if q.questionLevelApplies(to: value) {
                let source = TraceSource.answer(question: q.fullId, ask: q.ask, value: value.display)
                add(score: q.score, flag: q.flag, stop: q.stop, source: source)
            }
            q.forEachChosen(by: value) { c in
                let source = TraceSource.choice(question: q.fullId, ask: q.ask, choice: c.id, label: c.label)
                add(score: c.score, flag: c.flag, stop: c.stop, source: source)
            }
        }
    }

    /// Marks the effects of answers the lead record gave as coming from it.
    mutating func mark(_ origins: [String: (field: String, value: String)]) {
        for i in lines.indices { lines[i].source = lines[i].source.fromLeadRecord(origins) }
        for i in flags.indices { flags[i].source = flags[i].source.fromLeadRecord(origins) }
        for i in stops.indices { stops[i].source = stops[i].source.fromLeadRecord(origins) }
    }

    private mutating func add(score: ScoreDelta, flag: String?, stop: ReasonCode?, source: TraceSource) {
        ScoreLine.append(score, from: source, to: &lines)
        if let flag { flags.append(FlagHit(name: flag, source: source)) }
        if let stop { stops.append(HardStop(reason: stop, source: source)) }
    }
}
