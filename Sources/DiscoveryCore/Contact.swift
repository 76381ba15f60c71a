import Foundation

/// A person at a lead's organisation, with the role they play in the decision.
public struct Contact: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    /// The name as one line (what lists and notes show).
    public var name: String
    /// The name in parts, when known (`nil`: it could not be split; it is kept whole).
    public var nameParts: PersonName?
    public var title: String?
    public var role: ContactRole?
    public var email: String?
    public var phone: String?
    public var consent: Consent
    /// Do not call this person (Salesforce `DoNotCall`, Pardot / Marketo "Do Not Call"): a
    /// fact of its own, apart from the overall consent.
    public var doNotCall: Bool
    /// This person opted out of email (HubSpot "Unsubscribed from all email", Salesforce
    /// `HasOptedOutOfEmail`, Marketo "Unsubscribed", Pardot "Opted Out").
    public var emailOptOut: Bool
    /// Where this person came from (a lead source per contact; the lead keeps its own).
    public var source: String?
    /// The person's HubSpot contact Record ID (`hs_object_id`), once known.
    public var hubSpotId: String?
    /// The person's Salesforce Lead `Id`, once known.
    public var salesforceId: String?
    public var createdAt: Date

    public init(id: Int64 = 0, leadId: Int64, name: String, nameParts: PersonName? = nil, title: String? = nil,
                role: ContactRole? = nil, email: String? = nil, phone: String? = nil, consent: Consent = .unknown,
                doNotCall: Bool = false, emailOptOut: Bool = false, source: String? = nil, hubSpotId: String? = nil,
                salesforceId: String? = nil, createdAt: Date) {
        self.id = id
        self.leadId = leadId
        self.name = name
        self.nameParts = nameParts
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.consent = consent
        self.doNotCall = doNotCall
        self.emailOptOut = emailOptOut
        self.source = source
        self.hubSpotId = hubSpotId
        self.salesforceId = salesforceId
        self.createdAt = createdAt
    }
}
