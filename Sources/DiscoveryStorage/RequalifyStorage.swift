import DiscoveryCore
import Foundation

/// Re-qualification marks (SPEC §11): set when a lead shows new interest, cleared by a stage
/// move (any `changeStage`) or by hand.
public protocol RequalifyStorage: AnyObject, Sendable {
    /// Marks the lead with `trigger`, as one audited change, only while it is in one of
    /// `Requalification.stages` and not marked yet; `nil`, and nothing written, otherwise.
    func markRequalify(lead id: Int64, trigger: String, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// Clears the lead's mark, as one audited change; `nil`, and nothing written, when it has none.
    func clearRequalify(lead id: Int64, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// The marked leads (owned by `owner`, when given), in id order.
    func requalifyLeads(owner: String?) throws(DiscoveryError) -> [Lead]
}
