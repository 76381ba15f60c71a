import Foundation

/// One logged call attempt and its outcome.
public struct Call: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    /// `nil` while a call started with `call start` is still open.
    public var outcome: CallOutcome?
    public var note: String?
    public var durationMinutes: Int?
    public var at: Date
    public var endedAt: Date?
    public var actor: String
    /// When the follow-up this call calls for is due, if any.
    public var followUpDue: Date?
    /// The person called, when the rep named one.
    public var contactId: Int64?
    /// Why the call was made although consent is `no` (`--override`); audited.
    public var consentOverride: String?

    public init(id: Int64 = 0, leadId: Int64, outcome: CallOutcome?, note: String? = nil, durationMinutes: Int? = nil,
                at: Date, endedAt: Date? = nil, actor: String, followUpDue: Date? = nil,
                contactId: Int64? = nil, consentOverride: String? = nil) {
        self.id = id
        self.leadId = leadId
        self.outcome = outcome
        self.note = note
        self.durationMinutes = durationMinutes
        self.at = at
        self.endedAt = endedAt
        self.actor = actor
        self.followUpDue = followUpDue
        self.contactId = contactId
        self.consentOverride = consentOverride
    }
}

extension Call {
    /// Whether the call was going on at `moment`: it began at or before it and is still open
    /// (`call start` without `call end`), or ended at or after it (its end, or its start plus
    /// its duration for a call logged in one line).
    public func wasInProgress(at moment: Date) -> Bool {
        guard at <= moment else { return false }
        if outcome == nil && endedAt == nil { return true }
        let end = endedAt ?? at.addingTimeInterval(TimeInterval((durationMinutes ?? 0) * 60))
        return end >= moment
    }
}
