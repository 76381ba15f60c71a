import Foundation

/// What the retry rule reads of a lead's latest call (`DueList.item`): who made it, when it
/// began and ended, its outcome and when the follow-up it calls for is due, without its note,
/// duration or contact, so `due` can read it from the latest-call table alone.
public struct FollowUpCall: Sendable, Equatable {
    public var id: Int64
    public var leadId: Int64
    public var outcome: CallOutcome?
    public var at: Date
    public var endedAt: Date?
    public var actor: String
    public var followUpDue: Date?

    public init(id: Int64, leadId: Int64, outcome: CallOutcome?, at: Date, endedAt: Date? = nil, actor: String,
                followUpDue: Date? = nil) {
        self.id = id
        self.leadId = leadId
        self.outcome = outcome
        self.at = at
        self.endedAt = endedAt
        self.actor = actor
        self.followUpDue = followUpDue
    }

    /// The fields of `call` the retry rule reads.
    public init(_ call: Call) {
        self.init(id: call.id, leadId: call.leadId, outcome: call.outcome, at: call.at, endedAt: call.endedAt, actor: call.actor,
                  followUpDue: call.followUpDue)
    }
}
