import DiscoveryCore

/// The columns `lead list` shows of a lead, read without the rest of the record: what the
/// table is measured from before its rows are printed.
public struct LeadListRow: Sendable, Equatable {
    public var id: Int64
    public var stage: Stage
    public var profile: String
    public var owner: String?
    public var region: String?
    public var org: String

    public init(id: Int64, stage: Stage, profile: String, owner: String?, region: String?, org: String) {
        self.id = id
        self.stage = stage
        self.profile = profile
        self.owner = owner
        self.region = region
        self.org = org
    }

    /// The listed columns of `lead`.
    public init(_ lead: Lead) {
        self.init(id: lead.id, stage: lead.stage, profile: lead.profile, owner: lead.owner, region: lead.region, org: lead.org)
    }

    /// The display id, `L7` (`Lead.label`).
    public var label: String { "L\(id)" }
}
