import Foundation

/// The agreed next step for a lead: what, who, by when.
public struct NextStep: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    public var action: NextAction
    public var note: String?
    public var owner: String?
    public var due: Date?
    public var setAt: Date
    public var actor: String
    public var doneAt: Date?

    public init(id: Int64 = 0, leadId: Int64, action: NextAction, note: String? = nil, owner: String? = nil,
                due: Date? = nil, setAt: Date, actor: String, doneAt: Date? = nil) {
        self.id = id
        self.leadId = leadId
        self.action = action
        self.note = note
        self.owner = owner
        self.due = due
        self.setAt = setAt
        self.actor = actor
        self.doneAt = doneAt
    }
}
