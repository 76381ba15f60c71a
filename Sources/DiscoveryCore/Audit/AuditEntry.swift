import Foundation

/// One line of the append-only audit log.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    /// The change the entry belongs to: every entry of one command shares it, and `undo`
    /// reverts a change as a whole.
    public var changeId: Int64
    public var at: Date
    public var actor: String
    public var leadId: Int64?
    public var action: AuditAction
    /// What the entry is about: `lead`, `contact`, `answer`, `answer_note`, `call`, `signal`,
    /// `next_step`, or `change` (for an undo).
    public var entity: String
    public var entityId: Int64?
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    public init(id: Int64, changeId: Int64, at: Date, actor: String, leadId: Int64?, action: AuditAction, entity: String,
                entityId: Int64?, field: String? = nil, oldValue: String? = nil, newValue: String? = nil) {
        self.id = id
        self.changeId = changeId
        self.at = at
        self.actor = actor
        self.leadId = leadId
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// What an audit entry records.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    /// A row was created (undo deletes it).
    case create
    /// A field changed from `old` to `new` (undo sets it back).
    case update
    /// A revision was appended (undo appends the previous value again).
    case revise
    /// A lead and its personal data were erased (cannot be undone).
    case delete
    /// A change was reverted; `new` holds its change id.
    case undo
}
