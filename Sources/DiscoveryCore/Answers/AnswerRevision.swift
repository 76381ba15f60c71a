/// What a new answer revision holds. Answers are revisions: each answer, note or retraction
/// appends one; the newest of a question is the state in force. A note stays with the question
/// until a new note replaces it, so every revision carries the note in force.
public enum AnswerRevision {
    /// What a new revision does to the value.
    public enum ValueChange: Sendable, Equatable {
        /// A new value; `nil` retracts the answer.
        case set(AnswerValue?)
        /// The value in force stays (a note is added).
        case keep
    }

    /// What a new revision does to the note.
    public enum NoteChange: Sendable, Equatable {
        /// The note in force stays.
        case keep
        /// A new note replaces it.
        case set(String)
        /// The note is removed (the revisions before keep it, for the history and `undo`).
        case remove
    }

    /// The stored form of a revision: the value as `AnswerCoding` writes it, and the note.
    public struct State: Sendable, Equatable {
        public var value: String?
        public var note: String?

        public init(value: String?, note: String?) {
            self.value = value
            self.note = note
        }
    }

    /// The revision to append after `previous` (`nil`: the question has none yet).
    public static func next(after previous: State?, value: ValueChange, note: NoteChange) -> State {
        let newValue: String?
        switch value {
        case .set(let v): newValue = AnswerCoding.encode(v)
        case .keep: newValue = previous?.value
        }
        let newNote: String?
        switch note {
        case .keep: newNote = previous?.note
        case .set(let text): newNote = text
        case .remove: newNote = nil
        }
        return State(value: newValue, note: newNote)
    }

    /// The audit entries a revision records, as (entity, old, new): always a `revise` on
    /// `answer` (what `undo` reverts), and an `answer_note` update when the note changed (for
    /// the log; reverting the answer revision restores the note too).
    public static func auditEntries(from previous: State?, to next: State) -> [(entity: String, old: String?, new: String?)] {
        var entries: [(entity: String, old: String?, new: String?)] = [("answer", previous?.value, next.value)]
        if next.note != previous?.note { entries.append(("answer_note", previous?.note, next.note)) }
        return entries
    }
}
