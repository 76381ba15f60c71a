import DiscoveryCore
import Foundation
import Testing

@Suite struct ImportRulesTests {
    static func record(key: String? = nil, org: String = "Mercy", email: String? = nil, name: String = "Ana Ruiz") -> ImportRecord {
        ImportRecord(line: 2, leadKey: key, lead: ImportRecord.LeadPart(org: org),
                     contact: email == nil && name.isEmpty ? nil : ImportRecord.ContactPart(name: name, email: email))
    }

    static let leadKeys: [(ImportRecord, [ImportMatching.LeadKey])] = [
        // A marketing file: by email, then by organisation (any lead, this import's too).
        (record(email: "ana@mercy.org"), [.email("ana@mercy.org"), .organisation("Mercy", includingCreatedByThisImport: true)]),
        (record(), [.organisation("Mercy", includingCreatedByThisImport: true)]),
        // Our own export: its lead key first; by name only leads that were there before.
        (record(key: "L7", email: "ana@mercy.org"),
         [.exportKey("L7"), .email("ana@mercy.org"), .organisation("Mercy", includingCreatedByThisImport: false)]),
        (record(key: "L7"), [.exportKey("L7"), .organisation("Mercy", includingCreatedByThisImport: false)]),
    ]

    @Test(arguments: 0..<leadKeys.count)
    func aRowLooksForItsLeadByExportKeyThenEmailThenOrganisation(row: Int) {
        #expect(ImportMatching.leadKeys(for: Self.leadKeys[row].0) == Self.leadKeys[row].1)
    }

    @Test func aContactIsLookedForByEmailThenName() {
        #expect(ImportMatching.contactKeys(for: .init(name: "Ana", email: "a@x.org")) == [.email("a@x.org"), .name("Ana")])
        #expect(ImportMatching.contactKeys(for: .init(name: "Ana")) == [.name("Ana")])
    }

    /// old consent, consent in the row, may it change
    static let consent: [(Consent, Consent, Bool)] = [
        (.unknown, .yes, true), (.unknown, .no, true), (.yes, .no, true),
        (.no, .yes, false), (.no, .unknown, false), (.yes, .unknown, false), (.yes, .yes, false), (.no, .no, false),
    ]

    @Test(arguments: 0..<consent.count)
    func consentOnlyMovesTowardsNo(row: Int) {
        let (old, new, allowed) = Self.consent[row]
        #expect(ImportMerge.consentMayChange(from: old, to: new) == allowed)
    }

    static let stored = ImportMerge.LeadFields(type: "hospital", specialty: "ortho", region: "US-OH", beds: 300, source: "webinar",
                                               profile: "consumables", owner: "sam", consent: .no)

    @Test func aRowChangesOnlyTheNonEmptyValuesThatDiffer() {
        var fields = Self.stored
        var row = ImportRecord.LeadPart(org: "Mercy")
        row.region = "US-MI"
        row.beds = 300
        row.specialty = nil
        row.consent = .yes
        row.owner = "lee"
        let changes = ImportMerge.changes(to: &fields, from: row)
        #expect(changes == [ImportMerge.Change("region", "US-OH", "US-MI"), ImportMerge.Change("owner", "sam", "lee")])
        #expect(fields.region == "US-MI" && fields.owner == "lee" && fields.specialty == "ortho" && fields.consent == .no)
        // The same row again changes nothing.
        #expect(ImportMerge.changes(to: &fields, from: row).isEmpty)
    }

    @Test func aNewLeadTakesTheDefaultsWhereTheRowIsSilent() {
        let fields = ImportMerge.created(ImportRecord.LeadPart(org: "Mercy"), defaultProfile: "consumables", defaultOwner: "mkto")
        #expect(fields == ImportMerge.LeadFields(type: nil, specialty: nil, region: nil, beds: nil, source: nil,
                                                 profile: "consumables", owner: "mkto", consent: .unknown))
    }

    @Test func aContactRowChangesOnlyWhatItGivesAndNeverUndoesANo() {
        let stored = Contact(id: 4, leadId: 1, name: "Ana Ruiz", title: "CNO", role: .champion, email: "ana@mercy.org",
                             phone: nil, consent: .no, createdAt: Date(timeIntervalSince1970: 0))
        let row = ImportRecord.ContactPart(name: "Ana Ruiz", title: "Chief Nursing Officer", role: nil, email: "ana@mercy.org",
                                           phone: "+1 555 0100", consent: .yes)
        #expect(ImportMerge.changes(to: stored, from: row) == [
            ImportMerge.Change("title", "CNO", "Chief Nursing Officer"), ImportMerge.Change("phone", nil, "+1 555 0100"),
        ])
    }
}
