import Foundation

/// One stage change of one lead, as the audit log holds it.
public struct StageMove: Sendable, Equatable {
    public var leadId: Int64
    /// `nil` when the log holds a stage this version does not know.
    public var from: Stage?
    public var to: Stage
    public var at: Date

    public init(leadId: Int64, from: Stage?, to: Stage, at: Date) {
        self.leadId = leadId
        self.from = from
        self.to = to
        self.at = at
    }
}
