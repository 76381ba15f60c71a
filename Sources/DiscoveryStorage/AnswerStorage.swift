import DiscoveryCore
import Foundation

/// Answers are revisions (see `AnswerRevision` in the core): each answer, note or retraction
/// appends one; the newest revision of a question is the state in force.
public protocol AnswerStorage: AnyObject, Sendable {
    /// Records `value` (`nil` retracts) for `question` as a new revision, in one audited change:
    /// linked to the lead's open call if there is one, carrying the note in force unless `note`
    /// gives a new one, and adding `people` to the stakeholder map (a `contacts` answer: the
    /// value becomes the names as stored).
    @discardableResult
    func recordAnswer(lead: Int64, question: String, value: AnswerValue?, note: String?,
                      people: [NamedPerson], actor: String, at: Date) throws(DiscoveryError) -> Answer
    /// Attaches `note` to the question's answer in force (or to the unanswered question) as a
    /// new revision with the same value.
    @discardableResult
    func addNote(lead: Int64, question: String, note: String, actor: String, at: Date) throws(DiscoveryError) -> Answer
    /// Removes the note in force from the question as a new revision with the same value (the
    /// revisions before it keep the note, so `undo` and `answers --history` still show it).
    /// `nil` when the question has no note: nothing is written.
    @discardableResult
    func removeNote(lead: Int64, question: String, actor: String, at: Date) throws(DiscoveryError) -> Answer?
    /// The answers in force for a lead (`set.question` → value); unanswered and retracted
    /// questions are absent.
    func answersInForce(lead: Int64) throws(DiscoveryError) -> [String: AnswerValue]
    /// The newest revision of every question the lead has a revision for, oldest first:
    /// answers in force, and notes on questions not (or no longer) answered.
    func latestRevisions(lead: Int64) throws(DiscoveryError) -> [Answer]
    /// Every revision of one question for a lead, oldest first.
    func answerHistory(lead: Int64, question: String) throws(DiscoveryError) -> [Answer]
}
