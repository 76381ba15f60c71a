import Foundation

/// A person at a lead's organisation, with the role they play in the decision.
public struct Contact: Sendable, Equatable, Codable {
    public var id: Int64
    public var leadId: Int64
    public var name: String
    public var title: String?
    public var role: ContactRole?
    public var email: String?
    public var phone: String?
    public var consent: Consent
    public var createdAt: Date

    public init(id: Int64 = 0, leadId: Int64, name: String, title: String? = nil, role: ContactRole? = nil,
                email: String? = nil, phone: String? = nil, consent: Consent = .unknown, createdAt: Date) {
        self.id = id
        self.leadId = leadId
        self.name = name
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.consent = consent
        self.createdAt = createdAt
    }
}
