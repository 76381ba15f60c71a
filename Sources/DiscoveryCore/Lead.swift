import Foundation

/// A lead: one organisation being qualified, with its stage and owner.
public struct Lead: Sendable, Equatable, Codable {
    public var id: Int64
    public var org: String
    /// Organisation type, e.g. `hospital`, `idn`, `clinic`, `asc`, `distributor`.
    public var type: String?
    public var specialty: String?
    public var region: String?
    public var beds: Int?
    public var source: String?
    public var profile: String
    public var consent: Consent
    public var owner: String?
    public var stage: Stage
    public var stageReason: ReasonCode?
    public var stageNote: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var stageChangedAt: Date
    /// When the lead first reached `mql`; the SLA clock starts here.
    public var mqlAt: Date?
    /// The routing rule that gave the lead its owner, when routing did.
    public var routeRule: String?
    /// Set when a closed or nurtured lead shows new interest; cleared by a stage move or `requalify done`.
    public var requalify: RequalifyMark?
    /// The organisation's website or domain (`example.org`): HubSpot keys companies by it.
    public var website: String?

    public init(id: Int64 = 0, org: String, type: String? = nil, specialty: String? = nil,
                region: String? = nil, beds: Int? = nil, source: String? = nil,
                profile: String, consent: Consent = .unknown, owner: String? = nil,
                stage: Stage = .new, stageReason: ReasonCode? = nil, stageNote: String? = nil,
                createdAt: Date, updatedAt: Date? = nil, stageChangedAt: Date? = nil, mqlAt: Date? = nil,
                routeRule: String? = nil, requalify: RequalifyMark? = nil, website: String? = nil) {
        self.id = id
        self.org = org
        self.type = type
        self.specialty = specialty
        self.region = region
        self.beds = beds
        self.source = source
        self.profile = profile
        self.consent = consent
        self.owner = owner
        self.stage = stage
        self.stageReason = stageReason
        self.stageNote = stageNote
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.stageChangedAt = stageChangedAt ?? createdAt
        self.mqlAt = mqlAt
        self.routeRule = routeRule
        self.requalify = requalify
        self.website = website
    }

    /// The display id, `L7`.
    public var label: String { "L\(id)" }
}
