import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let answer = Command(CommandSpec(
        ["answer"],
        usage: "answer [LEAD] QUESTION VALUE [--note TEXT] | answer [LEAD] QUESTION --note TEXT | answer [LEAD] QUESTION --clear",
        summary: "Record one answer without the interview (a new revision; 'undo' restores the previous one); --note \"\" removes the note",
        example: "answer timeline.evaluation-window this-quarter",
        group: .discovery, arguments: 1...2, unlimited: true,
        options: [OptionSpec("--note", "TEXT"), .flag("--clear")],
        completing: [.question, .none]
    )) { inv, session in
        let (lead, question, words) = try AnswerTarget.resolve(inv.arguments, session: session)
        // `--note ""` alone removes the note in force; a new note text replaces it.
        if let raw = inv.option("--note"), raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard words.isEmpty, !inv.flag("--clear") else {
                throw DiscoveryError.usage("--note \"\" removes the note of \(question.fullId): give it alone ('answer \(question.fullId) --note \"\"')")
            }
            guard try session.store.removeNote(lead: lead.id, question: question.fullId, actor: session.user, at: session.now()) != nil else {
                throw DiscoveryError.failed("\(lead.label) \(question.fullId) has no note; nothing to remove")
            }
            session.print("\(lead.label) \(question.fullId): note removed")
            return
        }
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let before = try session.store.answersInForce(lead: lead.id)
        if let reason = question.notApplicableReason(given: before) {
            throw DiscoveryError.failed(reason)
        }
        if inv.flag("--clear") {
            guard words.isEmpty else {
                throw DiscoveryError.usage("'answer --clear' takes no value (got '\(words.joined(separator: " "))')")
            }
            guard before[question.fullId] != nil else {
                throw DiscoveryError.failed("\(lead.label) \(question.fullId) is not answered; nothing to clear")
            }
            try session.store.recordAnswer(lead: lead.id, question: question.fullId, value: nil, note: note,
                                           people: [], actor: session.user, at: session.now())
            session.print("\(lead.label) \(question.fullId): cleared")
            session.refreshQualification(lead.id)
            return
        }
        if words.isEmpty, let note {
            try session.store.addNote(lead: lead.id, question: question.fullId, note: note,
                                      actor: session.user, at: session.now())
            session.print("\(lead.label) \(question.fullId): note saved")
            return
        }
        guard !words.isEmpty else {
            throw DiscoveryError.usage("'answer' needs a value for \(question.fullId). Usage: \(inv.spec.usage)")
        }
        let parsed = try AnswerParser.parse(words.joined(separator: " "), for: question)
        let flagsBefore = session.flagsBeforeAnswer(lead)
        let saved = try session.store.recordAnswer(lead: lead.id, question: question.fullId, value: parsed.value,
                                                   note: note, people: parsed.people, actor: session.user, at: session.now())
        let shown = saved.value.map { AnswerText.describe($0, for: question) } ?? "(none)"
        let added = parsed.people.isEmpty ? "" : " (in the stakeholder map)"
        session.print("\(lead.label) \(question.fullId): \(shown)\(added)")
        var after = before
        after[question.fullId] = saved.value
        for q in FollowUpQuestions.newlyApplicable(after: after, before: before, catalog: try session.catalog) {
            session.print("follow-up now applies: \(q.fullId) — \(q.ask)")
        }
        session.refreshQualification(lead.id)
        if let flagsBefore { session.checkRequalification(lead.id, .answer(question: question.fullId, flagsBefore: flagsBefore)) }
    }
}

/// `answer [LEAD] QUESTION VALUE...`: which words name the lead, the question and the value.
enum AnswerTarget {
    static func resolve(_ args: [String], session: Session) throws(DiscoveryError) -> (Lead, Question, [String]) {
        let catalog = try session.catalog
        if QuestionLookup.isQuestion(args[0], in: catalog) {
            return (try session.lead(nil), try QuestionLookup.question(args[0], in: catalog), Array(args.dropFirst()))
        }
        if args.count >= 2, QuestionLookup.isQuestion(args[1], in: catalog) {
            return (try session.lead(args[0]), try QuestionLookup.question(args[1], in: catalog), Array(args.dropFirst(2)))
        }
        // Neither word is a question: report the one meant as the question.
        let meant = args.count >= 2 && !args[0].contains(".") && (try? session.lead(args[0])) != nil ? args[1] : args[0]
        _ = try QuestionLookup.question(meant, in: catalog)
        throw .failed("unknown question '\(meant)'")
    }
}

/// Follow-up questions that an answer makes applicable.
enum FollowUpQuestions {
    /// Unanswered questions whose `when` holds with `after` but not with `before`, in catalog order.
    static func newlyApplicable(after: [String: AnswerValue], before: [String: AnswerValue], catalog: Catalog) -> [Question] {
        catalog.sets.flatMap(\.questions).filter { q in
            q.when != nil && after[q.fullId] == nil && q.isApplicable(given: after) && !q.isApplicable(given: before)
        }
    }
}
