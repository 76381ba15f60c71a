import DiscoveryCore
import Foundation
import Testing

@Suite struct AnswerRevisionTests {
    typealias State = AnswerRevision.State
    static let exploring = AnswerCoding.encode(.choice("exploring"))
    static let quarter = AnswerCoding.encode(.choice("this-quarter"))

    static let table: [(previous: State?, value: AnswerRevision.ValueChange, note: AnswerRevision.NoteChange, next: State, audit: [String])] = [
        // A first answer, with and without a note.
        (nil, .set(.choice("exploring")), .keep, State(value: exploring, note: nil), ["answer nil→exploring"]),
        (nil, .set(.choice("exploring")), .set("CFO"), State(value: exploring, note: "CFO"), ["answer nil→exploring", "answer_note nil→CFO"]),
        // A new value keeps the note in force.
        (State(value: exploring, note: "CFO"), .set(.choice("this-quarter")), .keep, State(value: quarter, note: "CFO"),
         ["answer exploring→this-quarter"]),
        // A retraction keeps the note.
        (State(value: exploring, note: "CFO"), .set(nil), .keep, State(value: nil, note: "CFO"), ["answer exploring→nil"]),
        // A note on an unanswered question.
        (nil, .keep, .set("call back"), State(value: nil, note: "call back"), ["answer nil→nil", "answer_note nil→call back"]),
        // A new note replaces the old one and keeps the value.
        (State(value: quarter, note: "CFO"), .keep, .set("Pilot"), State(value: quarter, note: "Pilot"),
         ["answer this-quarter→this-quarter", "answer_note CFO→Pilot"]),
        // The same note again changes nothing about the note.
        (State(value: quarter, note: "CFO"), .keep, .set("CFO"), State(value: quarter, note: "CFO"), ["answer this-quarter→this-quarter"]),
        // A removed note: the value stays, the note is gone and the log says so.
        (State(value: quarter, note: "CFO"), .keep, .remove, State(value: quarter, note: nil),
         ["answer this-quarter→this-quarter", "answer_note CFO→nil"]),
    ]

    static func shown(_ text: String?) -> String {
        guard let text else { return "nil" }
        if let value = try? AnswerCoding.decode(text) { return value.display }
        return text
    }

    @Test(arguments: 0..<table.count)
    func aRevisionHoldsTheValueAndTheNoteInForce(row: Int) {
        let r = Self.table[row]
        let next = AnswerRevision.next(after: r.previous, value: r.value, note: r.note)
        #expect(next == r.next)
        let audit = AnswerRevision.auditEntries(from: r.previous, to: next).map { e in
            e.entity == "answer" ? "answer \(Self.shown(e.old))→\(Self.shown(e.new))" : "answer_note \(e.old ?? "nil")→\(e.new ?? "nil")"
        }
        #expect(audit == r.audit)
    }

    @Test(arguments: [AnswerValue.text("a, \"b\"\n"), .choice("x"), .multi(["a", "b"]), .yesNo(false), .number(12.5),
                      .contacts(["Ana Ruiz"])])
    func everyValueRoundTripsThroughItsStoredForm(value: AnswerValue) throws {
        #expect(try AnswerCoding.decode(AnswerCoding.encode(value)) == value)
    }

    @Test func storedTextThatIsNotAValueIsAnError() {
        #expect(throws: AnswerCodingError.self) { try AnswerCoding.decode("{\"colour\": 1}") }
        #expect(throws: AnswerCodingError.self) { try AnswerCoding.decode("") }
    }
}

