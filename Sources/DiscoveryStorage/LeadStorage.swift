import DiscoveryCore
import Foundation

/// Filters for `lead list`.
public struct LeadFilter: Sendable, Equatable {
    public var stage: Stage?
    public var owner: String?
    public var profile: String?
    /// Matched case-insensitively anywhere in the organisation, specialty or region.
    public var search: String?
    public var limit: Int?

    public init(stage: Stage? = nil, owner: String? = nil, profile: String? = nil, search: String? = nil, limit: Int? = nil) {
        self.stage = stage
        self.owner = owner
        self.profile = profile
        self.search = search
        self.limit = limit
    }
}

/// Leads: create, find, change a field, move the stage, erase.
public protocol LeadStorage: AnyObject, Sendable {
    /// Creates a lead and returns it with its id.
    func createLead(_ lead: Lead, actor: String) throws(DiscoveryError) -> Lead
    func lead(id: Int64) throws(DiscoveryError) -> Lead?
    /// Leads whose organisation name starts with `prefix` (case-insensitive), at most `limit`, in id order.
    func leads(withOrgPrefix prefix: String, limit: Int) throws(DiscoveryError) -> [Lead]
    /// The ids of leads whose decimal digits start with `digits` (ASCII digits; empty: any), at
    /// most `limit`, in id order: one bounded query on the primary key (`LeadIdPrefix`), for Tab.
    func leadIds(withDigitPrefix digits: String, limit: Int) throws(DiscoveryError) -> [Int64]
    /// Calls `body` with each lead the filter keeps, in id order, as the rows are read (a
    /// cursor, not a list: `lead list` prints a book of any size in flat memory). An error
    /// thrown by `body` (a full disk) ends the read and is rethrown.
    func forEachLead(_ filter: LeadFilter, _ body: (Lead) throws -> Void) throws(DiscoveryError)
    /// The same leads in the same order, only the columns `lead list` shows (`LeadListRow`):
    /// a cheap first pass to measure the table. As loud about an unknown stage as `forEachLead`.
    func forEachLeadListRow(_ filter: LeadFilter, _ body: (LeadListRow) throws -> Void) throws(DiscoveryError)
    /// Sets one field of a lead; records old and new value. Returns the updated lead.
    @discardableResult
    func updateLead(id: Int64, field: LeadField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead
    /// Moves a lead to `stage` with an optional reason code and note, as one audited change.
    /// Reaching `mql` for the first time starts the SLA clock (`mqlAt`). Which moves are
    /// allowed is the commands' rule; this only records the move.
    @discardableResult
    func changeStage(lead id: Int64, to stage: Stage, reason: ReasonCode?, note: String?,
                     actor: String, at: Date) throws(DiscoveryError) -> Lead
    /// Erases a lead and all its personal data everywhere, audit values included, and records
    /// who deleted it and when. Cannot be undone.
    func deleteLead(id: Int64, actor: String, at: Date) throws(DiscoveryError)
}

extension LeadStorage {
    public func leads(withOrgPrefix prefix: String) throws(DiscoveryError) -> [Lead] {
        try leads(withOrgPrefix: prefix, limit: 20)
    }

    public func leads() throws(DiscoveryError) -> [Lead] { try leads(LeadFilter()) }

    /// The leads the filter keeps, in id order.
    public func leads(_ filter: LeadFilter) throws(DiscoveryError) -> [Lead] {
        var all: [Lead] = []
        try forEachLead(filter) { all.append($0) }
        return all
    }
}
