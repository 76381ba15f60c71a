import DiscoveryCore
import Foundation

/// A lead's next step: at most one open at a time.
public protocol NextStepStorage: AnyObject, Sendable {
    /// The lead's open next step (not done), if any: the newest when there are several.
    func openNextStep(lead: Int64) throws(DiscoveryError) -> NextStep?
    /// Sets the lead's next step as one audited change: a new one when none is open, else the
    /// open one is changed in place (each changed field audited). `undo` reverts either.
    /// A step with no `owner` falls to the lead's owner.
    @discardableResult
    func setNextStep(lead: Int64, action: NextAction, note: String?, owner: String?, due: Date,
                     actor: String, at: Date) throws(DiscoveryError) -> NextStep
    /// Marks the lead's open next step done, as one audited change. Fails when none is open.
    @discardableResult
    func completeNextStep(lead: Int64, actor: String, at: Date) throws(DiscoveryError) -> NextStep
}
