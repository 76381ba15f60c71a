import DiscoveryCore
import Foundation

/// A stage move that a call outcome brings with it (`not-interested`).
public struct CallStageChange: Sendable, Equatable {
    public var stage: Stage
    public var reason: ReasonCode?
    public var note: String?

    public init(stage: Stage, reason: ReasonCode?, note: String?) {
        self.stage = stage
        self.reason = reason
        self.note = note
    }
}

/// The SDR's calls: logged in one line, or opened and ended around an interview.
public protocol CallStorage: AnyObject, Sendable {
    /// Logs a finished call, and the stage move its outcome implies, as one audited change
    /// (`undo` removes the call and moves the lead back). Refuses a call on a lead that has
    /// a call open: that one must be ended instead.
    func logCall(_ call: Call, stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call
    /// Opens a call (`call start`): no outcome and no end yet; the answers given meanwhile are linked to it.
    func startCall(_ call: Call, actor: String) throws(DiscoveryError) -> Call
    /// Ends the open call `id` with its outcome (`call end`), as one audited change.
    func endCall(id: Int64, outcome: CallOutcome, note: String?, durationMinutes: Int?, followUpDue: Date?,
                 stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call
    /// The lead's calls, oldest first.
    func calls(lead: Int64) throws(DiscoveryError) -> [Call]
    /// How many answer revisions each of the lead's calls captured (call id → count).
    func answerCounts(lead: Int64) throws(DiscoveryError) -> [Int64: Int]
    /// The lead's open call (started, not ended), if any.
    func openCall(lead: Int64) throws(DiscoveryError) -> Call?
}
