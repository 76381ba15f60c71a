import Foundation

/// Everything known about one lead, as the pure verdict engine reads it.
/// The store builds it; the engine never touches the database.
public struct QualificationRecord: Sendable, Equatable {
    public var lead: Lead
    public var contacts: [Contact]
    /// The answer in force per question (`set.question` → value); retracted answers are absent.
    public var answers: [String: AnswerValue]
    public var signals: [SignalEvent]
    public var calls: [Call]
    /// The open next step, if any.
    public var nextStep: NextStep?
    /// When the newest answer revision was recorded (activity, for the inactivity rule).
    public var lastAnswerAt: Date?

    public init(lead: Lead, contacts: [Contact] = [], answers: [String: AnswerValue] = [:],
                signals: [SignalEvent] = [], calls: [Call] = [], nextStep: NextStep? = nil,
                lastAnswerAt: Date? = nil) {
        self.lead = lead
        self.contacts = contacts
        self.answers = answers
        self.signals = signals
        self.calls = calls
        self.nextStep = nextStep
        self.lastAnswerAt = lastAnswerAt
    }
}
