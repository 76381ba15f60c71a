import Foundation

/// One row of an import file, checked and typed: the lead it describes and, when it names a
/// person, the contact.
public struct ImportRecord: Sendable, Equatable {
    public struct LeadPart: Sendable, Equatable {
        public var org: String
        public var type: String?
        public var specialty: String?
        public var region: String?
        public var beds: Int?
        public var source: String?
        public var profile: String?
        public var consent: Consent?
        public var owner: String?
        /// Applied when the lead is created (restoring an export); an existing lead keeps its stage.
        public var stage: Stage?
        public var stageReason: ReasonCode?
        public var stageNote: String?
        public var createdAt: Date?
        public var mqlAt: Date?
        public var website: String?
    }

    public struct ContactPart: Sendable, Equatable {
        public var name: String
        /// The name in parts, as the file's columns give it (`nil`: a whole name that could not be split).
        public var nameParts: PersonName?
        public var title: String?
        public var role: ContactRole?
        public var email: String?
        public var phone: String?
        public var consent: Consent?
        /// The person's record id in the CRM the file came from, kept so an export updates it.
        public var hubSpotId: String?
        public var salesforceId: String?
        /// Opt-outs the file states (`nil`: it says nothing); an import only ever sets them.
        public var doNotCall: Bool?
        public var emailOptOut: Bool?
        /// The person's own lead source.
        public var source: String?

        public init(name: String, nameParts: PersonName? = nil, title: String? = nil, role: ContactRole? = nil,
                    email: String? = nil, phone: String? = nil, consent: Consent? = nil, hubSpotId: String? = nil,
                    salesforceId: String? = nil) {
            self.hubSpotId = hubSpotId
            self.salesforceId = salesforceId
            self.name = name
            self.nameParts = nameParts
            self.title = title
            self.role = role
            self.email = email
            self.phone = phone
            self.consent = consent
        }
    }

    /// The line the row starts on.
    public var line: Int
    /// Our export's `lead_id`: consecutive rows with the same key are one lead.
    public var leadKey: String?
    public var lead: LeadPart
    public var contact: ContactPart?
    /// What the row holds that could not be mapped, each naming its column: reported with the
    /// row's line, the rest of the row is imported.
    public var notes: [String] = []

    public init(line: Int, leadKey: String? = nil, lead: LeadPart, contact: ContactPart? = nil) {
        self.line = line
        self.leadKey = leadKey
        self.lead = lead
        self.contact = contact
    }
}

/// A row that cannot be imported: its line and what is wrong with it.
public struct ImportRowError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

extension ImportRecord.LeadPart {
    public init(org: String) {
        self.org = org
    }
}
