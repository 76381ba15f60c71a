import Foundation

/// One revision of the answer to a question for a lead. Revisions are kept, never overwritten;
/// the newest revision is the answer in force. A `nil` value retracts the answer.
public struct Answer: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    /// `set.question`.
    public var question: String
    public var value: AnswerValue?
    public var note: String?
    public var callId: Int64?
    public var actor: String
    public var at: Date

    public init(id: Int64 = 0, leadId: Int64, question: String, value: AnswerValue?, note: String? = nil,
                callId: Int64? = nil, actor: String, at: Date) {
        self.id = id
        self.leadId = leadId
        self.question = question
        self.value = value
        self.note = note
        self.callId = callId
        self.actor = actor
        self.at = at
    }
}
