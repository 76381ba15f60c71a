/// The role a person plays in the buying committee (SPEC §4).
public enum ContactRole: String, CaseIterable, Sendable, Codable {
    /// Sponsors the purchase internally.
    case champion
    /// Gives final approval.
    case economicBuyer = "economic-buyer"
    case clinicalLeader = "clinical-leader"
    /// Biomed, clinical engineering or IT.
    case technical
    /// Supply chain, finance or value analysis.
    case procurement
    /// Privacy or compliance reviewer.
    case security
    case endUser = "end-user"
    case influencer
}

extension ContactRole: FixedListValue {
    public static let valueName = "role"
    public static let listName = "Roles"
}
