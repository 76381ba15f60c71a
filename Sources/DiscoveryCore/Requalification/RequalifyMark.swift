import Foundation

/// A lead marked for re-qualification (SPEC §11): what brought it back, and when.
public struct RequalifyMark: Sendable, Equatable, Codable {
    /// e.g. `signal demo-request`, `new contact Dana Reyes`, `answer timeline.stage: planning clears no-timeline`.
    public var trigger: String
    public var at: Date

    public init(trigger: String, at: Date) {
        self.trigger = trigger
        self.at = at
    }
}
