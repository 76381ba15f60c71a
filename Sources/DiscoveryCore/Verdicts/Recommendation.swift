import Foundation

/// A recommended next step: an action from the controlled list, why, who and by when.
public struct Recommendation: Sendable, Equatable {
    public var action: NextAction
    /// One line per fact behind it, naming the answers, signals or contacts.
    public var because: [String]
    /// The lead's owner, else the user.
    public var owner: String
    /// A calendar day (midnight UTC).
    public var due: Date
    /// For `disqualify`: the reason code to record.
    public var reason: ReasonCode?

    public init(action: NextAction, because: [String], owner: String, due: Date, reason: ReasonCode? = nil) {
        self.action = action
        self.because = because
        self.owner = owner
        self.due = due
        self.reason = reason
    }
}
