/// The roles a complete buying committee has under a profile: one definition for `contact list`,
/// `lead show`, the handoff and its risks.
public enum CommitteeRoles {
    /// Champion, economic buyer, clinical leader, technical and procurement; `security` too when
    /// the profile has a `security-review` gate. End users and influencers are welcome but not
    /// required.
    public static func expected(for profile: Profile?) -> [ContactRole] {
        var roles: [ContactRole] = [.champion, .economicBuyer, .clinicalLeader, .technical, .procurement]
        if profile?.sql.gates.contains("security-review") == true { roles.append(.security) }
        return roles
    }

    /// The expected roles no contact has yet, in the order of `expected(for:)`.
    public static func missing(_ contacts: [Contact], profile: Profile?) -> [ContactRole] {
        let present = Set(contacts.compactMap(\.role))
        return expected(for: profile).filter { !present.contains($0) }
    }
}
