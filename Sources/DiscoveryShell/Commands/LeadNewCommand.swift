import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let leadNew = Command(CommandSpec(
        ["lead", "new"],
        usage: "lead new ORG [--type T] [--specialty S] [--region R] [--beds N] [--source SRC] [--profile P] [--consent \(Consent.words.joined(separator: "|"))] [--owner U]",
        summary: "Create a lead and make it current; prints its id",
        example: "lead new \"Mercy Regional\" --type hospital --specialty orthopedics --region US-OH --beds 320",
        group: .leads, arguments: 1...1,
        options: [OptionSpec("--type", "T"), OptionSpec("--specialty", "S"), OptionSpec("--region", "R"),
                  OptionSpec("--beds", "N"), OptionSpec("--source", "SRC"),
                  OptionSpec("--profile", "P", completion: .profile),
                  OptionSpec("--consent", "C", completion: .values(Consent.self)), OptionSpec("--owner", "U")],
        completing: [.none]
    )) { inv, session in
        let org = try Validation.text(inv.arguments[0], name: "organisation name")
        let profile = try Validation.profile(inv.option("--profile") ?? session.defaultProfile, in: try session.catalog)
        let lead = Lead(
            org: org,
            type: try inv.option("--type").map { try Validation.text($0, name: "--type") },
            specialty: try inv.option("--specialty").map { try Validation.text($0, name: "--specialty") },
            region: try inv.option("--region").map { try Validation.text($0, name: "--region") },
            beds: try inv.option("--beds").map { try Validation.nonNegativeInt($0, name: "--beds") },
            source: try inv.option("--source").map { try Validation.text($0, name: "--source") },
            profile: profile,
            consent: try inv.option("--consent").map(Consent.parse) ?? .unknown,
            owner: try inv.option("--owner").map { try Validation.text($0, name: "--owner") } ?? session.defaultOwner,
            createdAt: session.now())
        let created = try session.store.createLead(lead, actor: session.user)
        session.currentLead = created.id
        session.print(created.label)
        session.refreshQualification(created.id)
    }
}

extension Session {
    /// The owner of a lead created without `--owner`: its creator, unless `routing.yaml` has
    /// rules; then nobody (marketing's) until it becomes an MQL and is routed.
    var defaultOwner: String? {
        get throws(DiscoveryError) { try catalog.routing.isActive ? nil : user }
    }

    /// The profile a new lead gets when none is named.
    var defaultProfile: String {
        get throws(DiscoveryError) {
            let catalog = try catalog
            return catalog.profile("capital-equipment")?.id ?? catalog.profiles.first?.id ?? "capital-equipment"
        }
    }
}
