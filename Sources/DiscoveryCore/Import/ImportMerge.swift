/// What an import row changes on the records it matched (`ImportMatching`): the row's
/// non-empty values that differ; an empty cell never clears a field; consent only moves towards
/// `no` (an import never turns a `no` into `yes`); an existing lead keeps its stage.
public enum ImportMerge {
    /// The lead fields an import may change, as stored.
    public struct LeadFields: Sendable, Equatable {
        public var type: String?
        public var specialty: String?
        public var region: String?
        public var beds: Int?
        public var source: String?
        public var profile: String?
        public var owner: String?
        public var consent: Consent
        public var website: String?

        public init(type: String?, specialty: String?, region: String?, beds: Int?, source: String?, profile: String?,
                    owner: String?, consent: Consent, website: String? = nil) {
            self.website = website
            self.type = type
            self.specialty = specialty
            self.region = region
            self.beds = beds
            self.source = source
            self.profile = profile
            self.owner = owner
            self.consent = consent
        }
    }

    /// One field an import changes: its name (as in `LeadField` / `ContactField` and the audit
    /// log) and the values before and after, as text.
    public struct Change: Sendable, Equatable {
        public var field: String
        public var before: String?
        public var after: String

        public init(_ field: String, _ before: String?, _ after: String) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    /// An import records a `no` always, and a `yes` only where nothing was known.
    public static func consentMayChange(from old: Consent, to new: Consent) -> Bool {
        guard new != old else { return false }
        return new == .no || old == .unknown
    }

    /// The fields of a lead the row creates: what the row gives, else the defaults (the
    /// import's profile, consent unknown, `defaultOwner` as owner: the importing user, or
    /// nobody when routing has rules).
    public static func created(_ row: ImportRecord.LeadPart, defaultProfile: String, defaultOwner: String?) -> LeadFields {
        LeadFields(type: row.type, specialty: row.specialty, region: row.region, beds: row.beds, source: row.source,
                   profile: row.profile ?? defaultProfile, owner: row.owner ?? defaultOwner, consent: row.consent ?? .unknown,
                   website: row.website)
    }

    /// What the row changes on a lead with `fields`, in field order; `fields` becomes the result.
    public static func changes(to fields: inout LeadFields, from row: ImportRecord.LeadPart) -> [Change] {
        var changes: [Change] = []
        func set(_ field: String, _ value: inout String?, _ after: String?) {
            if let after, after != value {
                changes.append(Change(field, value, after))
                value = after
            }
        }
        set("type", &fields.type, row.type)
        set("specialty", &fields.specialty, row.specialty)
        set("region", &fields.region, row.region)
        if let beds = row.beds, beds != fields.beds {
            changes.append(Change("beds", fields.beds.map(String.init), String(beds)))
            fields.beds = beds
        }
        // The lead's source is where it first came from: a later row's is its person's own.
        if fields.source == nil { set("source", &fields.source, row.source) }
        set("profile", &fields.profile, row.profile)
        set("owner", &fields.owner, row.owner)
        set("website", &fields.website, row.website)
        if let c = row.consent, consentMayChange(from: fields.consent, to: c) {
            changes.append(Change("consent", fields.consent.rawValue, c.rawValue))
            fields.consent = c
        }
        return changes
    }

    /// What the row changes on a contact, in field order.
    public static func changes(to contact: Contact, from row: ImportRecord.ContactPart) -> [Change] {
        var changes: [Change] = []
        func set(_ field: String, _ before: String?, _ after: String?) {
            if let after, after != before { changes.append(Change(field, before, after)) }
        }
        // The same name in other casing or spacing is the same name: the stored one stays.
        func words(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
        if words(row.name) != words(contact.name) {
            set("name", contact.name, row.name)
            // The parts go with the name (a contact known by email getting a name).
            if let parts = row.nameParts {
                let old = contact.nameParts
                set("salutation", old?.salutation, parts.salutation)
                set("first_name", old?.first, parts.first)
                set("last_name", old?.last, parts.last)
                set("suffix", old?.suffix, parts.suffix)
            }
        }
        set("title", contact.title, row.title)
        set("role", contact.role?.rawValue, row.role?.rawValue)
        // The stored casing of an email stays: `ANA@x.org` is the same address as `ana@x.org`.
        if let email = row.email, email.lowercased() != contact.email?.lowercased() { set("email", contact.email, email) }
        set("phone", contact.phone, row.phone)
        if let consent = row.consent, consentMayChange(from: contact.consent, to: consent) {
            changes.append(Change("consent", contact.consent.rawValue, consent.rawValue))
        }
        // An opt-out is only ever set by an import, never cleared (stored as 1 / 0).
        if row.doNotCall == true && !contact.doNotCall { changes.append(Change("do_not_call", "0", "1")) }
        if row.emailOptOut == true && !contact.emailOptOut { changes.append(Change("email_opt_out", "0", "1")) }
        if contact.source == nil, let source = row.source { changes.append(Change("source", nil, source)) }
        // A CRM's record id is learnt once; a different one later is another record of that CRM.
        if contact.hubSpotId == nil, let id = row.hubSpotId { changes.append(Change("hubspot_id", nil, id)) }
        if contact.salesforceId == nil, let id = row.salesforceId { changes.append(Change("salesforce_id", nil, id)) }
        return changes
    }
}
