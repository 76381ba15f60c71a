import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

/// Every JSON document DiscoveryExport writes, through our writer and through Foundation's
/// `JSONEncoder` with `JSONText`'s settings, pretty and compact: the same bytes.
@Suite struct JSONExportTypesMatchFoundationTests {
    static let records = [HandoffFixtures.ready, HandoffFixtures.stopped, HandoffFixtures.bare, awkward]

    /// A lead with every field set, text that needs escaping, and a date with a fraction.
    static var awkward: QualificationRecord {
        let at = Date(timeIntervalSince1970: 1_772_442_000.987)
        let lead = Lead(id: 99, org: "O'Brien \"Clinic\" / Zürich\t👩‍⚕️", type: "hospital", specialty: "e\u{301}ndo\\scopy",
                        region: "EU-CH", beds: Int.max, source: "import\u{1}", profile: "capital-equipment", consent: .no,
                        owner: "ana", stage: .disqualified, stageReason: .wrongOrgType, stageNote: "line one\nline two\r\n",
                        createdAt: at, stageChangedAt: at.addingTimeInterval(0.013), mqlAt: Date(timeIntervalSince1970: -1.5))
        let contact = Contact(id: 3, leadId: 99, name: "Zoë \"Z\" Ng", title: "Head/Chief", role: .champion,
                              email: "zoe@example.com", phone: "+41 44 000 00 00", consent: .yes, createdAt: at)
        return QualificationRecord(lead: lead, contacts: [contact], answers: ["fit.org-type": .choice("non-provider")])
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
        for pretty in [true, false] {
            #expect(JSONText.encode(value, pretty: pretty) == JSONText.foundationText(value, pretty: pretty),
                    "pretty: \(pretty)", sourceLocation: sourceLocation)
        }
    }

    static func verdict(_ record: QualificationRecord) -> Verdict {
        VerdictEngine.evaluate(record, catalog: HandoffFixtures.catalog, profile: HandoffFixtures.profile, now: HandoffFixtures.now)
    }

    @Test(arguments: 0..<records.count)
    func theHandoffDocument(index: Int) {
        let note = HandoffFixtures.note(Self.records[index])
        Self.expectSame(HandoffJSON.Document(note))
        #expect(HandoffJSON.render(note) == JSONText.foundationText(HandoffJSON.Document(note)) + "\n")
    }

    @Test(arguments: 0..<records.count)
    func theExportRecordWithAndWithoutItsVerdict(index: Int) {
        let record = Self.records[index]
        let writer = JSONExport()
        Self.expectSame(writer.record(record.lead, contacts: record.contacts, verdict: Self.verdict(record)))
        Self.expectSame(writer.record(record.lead, contacts: record.contacts, verdict: nil))
        Self.expectSame(VerdictJSON(Self.verdict(record)))
    }

    @Test func theExportFileIsFoundationsRecordPerLine() {
        var writer = JSONExport()
        var text = writer.begin()
        var expected = "[\n"
        for (n, record) in Self.records.enumerated() {
            text += writer.write(record.lead, contacts: record.contacts, verdict: Self.verdict(record))
            expected += (n == 0 ? "" : ",\n")
                + JSONText.foundationText(writer.record(record.lead, contacts: record.contacts, verdict: Self.verdict(record)), pretty: false)
        }
        #expect(text + writer.end() == expected + "\n]\n")
    }

    @Test func leadsAndContactsInEveryDocumentsFields() {
        for record in Self.records {
            for fields in [LeadJSONField.listing, LeadJSONField.export, LeadJSONField.handoff] {
                Self.expectSame(LeadJSON(record.lead, fields: fields))
            }
            Self.expectSame(record.contacts.map(ContactJSON.init))
        }
    }

    /// `lead list --json` written a lead at a time is Foundation's text of the whole array.
    @Test(arguments: [0, 1, 4])
    func theStreamedListIsFoundationsWholeArray(count: Int) {
        let leads = (0..<count).map { LeadJSON(Self.records[$0 % Self.records.count].lead, fields: LeadJSONField.listing) }
        var array = JSONArrayText()
        let streamed = leads.map { array.element($0) }.joined() + array.end()
        #expect(streamed == JSONText.foundationText(leads) + "\n")
    }
}
