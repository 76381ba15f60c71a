import DiscoveryCore

/// What an imported column means. Our own `csv` export, HubSpot's property names and
/// Salesforce's Lead field names (API names or labels) all map onto these.
public enum ImportField: String, CaseIterable, Sendable {
    case leadKey, org, type, specialty, region, beds, source, profile, consent, owner
    case stage, stageReason, stageNote, createdAt, mqlAt, lifecycleStage
    case contactName, salutation, firstName, lastName, title, role, email, phone, contactConsent
    case doNotCall, emailOptOut
    case website, hubSpotId, salesforceId, mobile, doNotEmail, associatedCompany, suffix, contactSource

    /// Column names, compared after `ImportColumns.normalise` (case, spaces, `_` and `-` ignored).
    var aliases: [String] {
        switch self {
        case .leadKey: return ["lead_id", "discovery_lead_id"]
        case .org: return ["org", "company", "organisation", "organization", "company name", "account name", "company / account"]
        case .associatedCompany: return ["associated company"]
        case .suffix: return ["suffix", "contact_suffix"]
        case .contactSource: return ["contact_source"]
        case .type: return ["type", "discovery_org_type", "org_type"]
        case .specialty: return ["specialty", "discovery_specialty"]
        case .region: return ["region", "discovery_region"]
        case .beds: return ["beds", "discovery_beds"]
        case .source: return ["source", "discovery_source", "leadsource", "lead source"]
        case .profile: return ["profile", "discovery_profile"]
        case .consent: return ["consent"]
        case .owner: return ["owner", "discovery_owner", "contact owner", "lead owner"]
        case .stage: return ["stage", "discovery_stage"]
        case .stageReason: return ["stage_reason", "discovery_stage_reason"]
        case .stageNote: return ["stage_note"]
        case .createdAt: return ["created_at", "create date", "created date", "created at"]
        case .mqlAt: return ["mql_at"]
        case .lifecycleStage: return ["lifecyclestage", "lifecycle stage"]
        case .contactName: return ["contact_name", "full name"]
        case .salutation: return ["salutation", "contact_salutation"]
        case .firstName: return ["firstname", "first name", "contact_first_name"]
        case .lastName: return ["lastname", "last name", "contact_last_name"]
        case .title: return ["contact_title", "jobtitle", "job title", "title"]
        case .role: return ["contact_role", "discovery_role", "role"]
        case .email: return ["contact_email", "email", "email address"]
        case .phone: return ["contact_phone", "phone", "phone number"]
        case .contactConsent: return ["contact_consent", "discovery_consent"]
        case .doNotCall: return ["donotcall", "do not call", "contact_do_not_call"]
        case .emailOptOut: return ["hasoptedoutofemail", "email opt out", "unsubscribed from all email", "hs_email_optout",
                                   "unsubscribed", "opted out", "contact_email_opt_out"]
        case .doNotEmail: return ["do not email"]
        case .mobile: return ["mobile", "mobile phone", "mobilephone", "mobile phone number"]
        case .website: return ["website", "website url", "domain", "company domain name"]
        case .hubSpotId: return ["hs_object_id", "record id", "contact id", "contact_hubspot_id"]
        case .salesforceId: return ["salesforce id", "contact_salesforce_id"]
        }
    }
}

/// The header of an import file, resolved: which column holds which field.
public struct ImportColumns: Sendable {
    /// Field → column index.
    public let index: [ImportField: Int]
    /// Columns we do not use (reported once, not an error).
    public let ignored: [String]
    public let count: Int
    /// The header as read.
    public let header: [String]
    /// `index` as an array by `ImportField.ordinal` (-1: absent): read for every cell of every
    /// row, without hashing.
    private let slots: [Int]

    /// `First Name`, `first_name`, `FirstName` → `firstname`.
    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { !($0 == " " || $0 == "_" || $0 == "-" || $0 == "\u{FEFF}") })
    }

    static let lookup: [String: ImportField] = {
        var map: [String: ImportField] = [:]
        for field in ImportField.allCases {
            for alias in field.aliases { map[normalise(alias)] = field }
        }
        return map
    }()

    /// Resolves a header; refuses one without an organisation column or with two columns for
    /// one field, naming them.
    public init(header: [String], file: String) throws(DiscoveryError) {
        var index: [ImportField: Int] = [:]
        var ignored: [String] = []
        // `Id` is the Lead's record id in a Salesforce file (API names: `LastName` beside it);
        // in a Marketo export it is Marketo's own id, which no CRM here can use.
        // "Lead ID", as a Salesforce report labels it, is not our own `lead_id` (the same once
        // spaces and `_` are ignored): it is told apart by its spelling.
        let salesforceIdColumn = header.firstIndex(of: "Lead ID") ?? (header.contains("LastName") ? header.firstIndex(of: "Id") : nil)
        for (i, name) in header.enumerated() {
            if i == salesforceIdColumn {
                index[.salesforceId] = i
                continue
            }
            guard let field = Self.lookup[Self.normalise(name)] else {
                if !name.trimmingSpaces.isEmpty { ignored.append(name) }
                continue
            }
            if let other = index[field] {
                throw .failed("\(file):1: columns '\(header[other])' and '\(name)' both give the \(field.label); keep one")
            }
            index[field] = i
        }
        // HubSpot exports "Company Name" and "Associated Company": a row reads the first, else the second.
        guard index[.org] != nil || index[.associatedCompany] != nil else {
            let found = header.isEmpty ? "no columns" : "found: " + header.prefix(12).joined(separator: ", ")
            throw .failed("\(file):1: missing required column for the organisation: name one of \(Self.organisationColumns); \(found)")
        }
        self.index = index
        self.ignored = ignored
        self.count = header.count
        self.header = header
        var slots = Array(repeating: -1, count: ImportField.allCases.count)
        for (field, column) in index { slots[field.ordinal] = column }
        self.slots = slots
    }

    /// The names an organisation column goes by, for the message when there is none.
    static let organisationColumns = "'company', 'org', 'Company', 'Company Name', 'Account Name', 'Company / Account', 'Associated Company'"

    /// The trimmed, un-neutralised cell of `field` in `fields`, or `nil` when absent or blank.
    public func value(_ field: ImportField, in fields: [String]) -> String? {
        let i = slots[field.ordinal]
        guard i >= 0, i < fields.count else { return nil }
        let v = CSVCell.unneutralise(fields[i]).trimmingSpaces
        return v.isEmpty ? nil : v
    }

    public func has(_ field: ImportField) -> Bool { slots[field.ordinal] >= 0 }
}

extension ImportField {
    /// The field's position in `allCases` (a test holds the two to the same order).
    var ordinal: Int {
        switch self {
        case .leadKey: return 0
        case .org: return 1
        case .type: return 2
        case .specialty: return 3
        case .region: return 4
        case .beds: return 5
        case .source: return 6
        case .profile: return 7
        case .consent: return 8
        case .owner: return 9
        case .stage: return 10
        case .stageReason: return 11
        case .stageNote: return 12
        case .createdAt: return 13
        case .mqlAt: return 14
        case .lifecycleStage: return 15
        case .contactName: return 16
        case .salutation: return 17
        case .firstName: return 18
        case .lastName: return 19
        case .title: return 20
        case .role: return 21
        case .email: return 22
        case .phone: return 23
        case .contactConsent: return 24
        case .doNotCall: return 25
        case .emailOptOut: return 26
        case .website: return 27
        case .hubSpotId: return 28
        case .salesforceId: return 29
        case .mobile: return 30
        case .doNotEmail: return 31
        case .associatedCompany: return 32
        case .suffix: return 33
        case .contactSource: return 34
        }
    }

    /// How a message names the field.
    var label: String {
        switch self {
        case .leadKey: return "lead id"
        case .org: return "organisation"
        case .stageReason: return "stage reason"
        case .stageNote: return "stage note"
        case .createdAt: return "creation time"
        case .mqlAt: return "MQL time"
        case .lifecycleStage: return "lifecycle stage"
        case .contactName: return "contact name"
        case .firstName: return "first name"
        case .lastName: return "last name"
        case .contactConsent: return "contact consent"
        case .doNotCall: return "do-not-call flag"
        case .emailOptOut: return "email opt-out flag"
        case .hubSpotId: return "HubSpot record id"
        case .salesforceId: return "Salesforce id"
        case .doNotEmail: return "do-not-email flag"
        default: return rawValue
        }
    }
}
