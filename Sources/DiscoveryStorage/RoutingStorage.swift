import DiscoveryCore
import Foundation

/// The moves the MQL rule makes by itself, and routing (SPEC §11). Each is conditional on the
/// state the caller saw, checked inside its transaction: two writers that both see a lead
/// become an MQL move (and route) it once.
public protocol RoutingStorage: AnyObject, Sendable {
    /// Moves the lead from `new` to `mql` with `note`, and when the lead is still unowned gives
    /// it `route`'s owner (recording the rule), as one audited change. `nil`, and nothing
    /// written, when the lead is no longer `new` (another command moved it first).
    func qualifyAsMQL(lead id: Int64, note: String, route: RoutingDecision?, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// Moves the lead from `mql` back to `new` with `note` (it no longer meets the MQL rule),
    /// as one audited change; `mql_at` is kept. `nil`, and nothing written, when the lead is
    /// no longer in `mql`.
    func dropMQL(lead id: Int64, note: String, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// Gives an unowned lead `route`'s owner, recording the rule, as one audited change.
    /// `nil`, and nothing written, when the lead has an owner by now.
    func assignRoute(lead id: Int64, route: RoutingDecision, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// How many open leads (`Router.openStages`) each of `owners` has; an owner with none is absent.
    func openLeadCounts(owners: [String]) throws(DiscoveryError) -> [String: Int]
}
