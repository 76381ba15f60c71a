import Foundation

/// An engagement signal recorded against a lead (a demo request, a webinar, an unsubscribe).
public struct SignalEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    /// The signal id from `signals.yaml`.
    public var kind: String
    public var note: String?
    public var actor: String
    public var at: Date
    /// The contact of the lead the signal came from (`signal add KIND --contact NAME`), as named.
    public var contact: String?

    public init(id: Int64 = 0, leadId: Int64, kind: String, note: String? = nil, actor: String, at: Date, contact: String? = nil) {
        self.id = id
        self.leadId = leadId
        self.kind = kind
        self.note = note
        self.actor = actor
        self.at = at
        self.contact = contact
    }
}
