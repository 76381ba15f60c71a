import DiscoveryCore
import Foundation

/// Sales' answer to an MQL (SPEC §11): accept it (`mql` → `sal`) or send it back to marketing
/// (`nurture`) with a reason. Both are conditional on the lead still being in `mql`.
public protocol AcceptanceStorage: AnyObject, Sendable {
    /// Moves the lead from `mql` to `sal` with `note`, as one audited change. `nil`, and
    /// nothing written, when the lead is not in `mql`.
    func acceptMQL(lead id: Int64, note: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// Moves the lead from `mql` to `nurture` and records the rejection (reason, note), as one
    /// audited change (`undo` takes both back). `nil`, and nothing written, when the lead is not in `mql`.
    func rejectMQL(lead id: Int64, reason: RejectionReason, note: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead?
    /// Rejections recorded since `since` (all when `nil`), oldest first.
    func rejections(since: Date?) throws(DiscoveryError) -> [Rejection]
}
