import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

/// `answers --history QUESTION`: every revision of one question, oldest first, with its time,
/// actor, the call it was given in, and the note when it changed.
struct AnswerHistoryView {
    let lead: Lead
    let question: Question
    let session: Session

    struct Revision: Encodable {
        var revision: Int64
        var at: Date
        var actor: String
        var callId: Int64?
        var value: PlainJSON?
        var display: String?
        var note: String?
    }

    func show(json: Bool) throws(DiscoveryError) {
        let history = try session.store.answerHistory(lead: lead.id, question: question.fullId)
        if json {
            struct Output: Encodable { var lead: String; var question: String; var revisions: [Revision] }
            let revisions = history.map {
                Revision(revision: $0.id, at: $0.at, actor: $0.actor, callId: $0.callId, value: $0.value.map(AnswerText.json),
                         display: $0.value.map { AnswerText.describe($0, for: question) }, note: $0.note)
            }
            session.print(JSONText.encode(Output(lead: lead.label, question: question.fullId, revisions: revisions)))
            return
        }
        session.print("\(lead.label) \(question.fullId) — \(question.ask)")
        guard !history.isEmpty else {
            session.print("  never answered")
            return
        }
        let actorWidth = history.map(\.actor.count).max() ?? 0
        let callTexts = history.map { $0.callId.map { "call #\($0)" } ?? "-" }
        let callWidth = callTexts.map(\.count).max() ?? 0
        var previous: Answer?
        for (i, a) in history.enumerated() {
            let head = "  \(Dates.iso(a.at))  \(pad(a.actor, actorWidth))  \(pad(callTexts[i], callWidth))  "
            let valueChanged = previous == nil || previous?.value != a.value
            let noteChanged = a.note != previous?.note
            if valueChanged || !noteChanged {
                session.print(head + describe(a.value, after: previous))
                if noteChanged, let note = a.note { session.print(String(repeating: " ", count: head.count) + "note: \(note)") }
            } else {
                session.print(head + (a.note.map { "note: \($0)" } ?? "note removed"))
            }
            previous = a
        }
    }

    private func describe(_ value: AnswerValue?, after previous: Answer?) -> String {
        if let value { return "= " + AnswerText.describe(value, for: question) }
        return previous?.value == nil ? "(no answer)" : "(retracted)"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}
