import DiscoveryCore

/// Engagement signals from marketing.
public protocol SignalStorage: AnyObject, Sendable {
    /// Records an engagement signal against a lead, as one audited (and undoable) change.
    @discardableResult
    func addSignal(_ event: SignalEvent, actor: String) throws(DiscoveryError) -> SignalEvent
    /// A lead's signals, oldest first.
    func signals(lead: Int64) throws(DiscoveryError) -> [SignalEvent]
}
