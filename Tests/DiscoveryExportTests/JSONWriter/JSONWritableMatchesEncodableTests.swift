import Foundation
import Testing
@testable import DiscoveryCore
@testable import DiscoveryExport

/// The types that write their own compact JSON (`JSONWritable`, `JSONExport.writeRecord`): the
/// same bytes as Foundation's `JSONEncoder` writes for their `Encodable` form, and as our
/// `Encoder` writes, over records that set and leave out every optional field, with and without a
/// verdict, and verdicts of every shape (no gates, gates whose names sort by byte and need
/// escaping, a gate named twice, flags and hard stops, bands with and without thresholds).
@Suite struct JSONWritableMatchesEncodableTests {
    static let records = JSONExportTypesMatchFoundationTests.records + [noContacts, everyOptionalSet, contactsWithGaps]

    /// A lead whose every optional field is `nil`, without contacts.
    static var noContacts: QualificationRecord {
        QualificationRecord(lead: Lead(id: 7, org: "", profile: "", createdAt: Date(timeIntervalSince1970: 0)), contacts: [], answers: [:])
    }

    /// A lead whose every optional field is set (and `beds` negative), in a stage with a reason.
    static var everyOptionalSet: QualificationRecord {
        let at = Date(timeIntervalSince1970: 1_800_000_000.5)
        let lead = Lead(id: 12_345_678_901, org: "Ærø Sygehus", type: "clinic", specialty: "spine", region: "DK", beds: -3,
                        source: "web", profile: "consumables", consent: .yes, owner: "priya", stage: .nurture,
                        stageReason: .noBudget, stageNote: "", createdAt: at, updatedAt: at.addingTimeInterval(60),
                        stageChangedAt: at.addingTimeInterval(120), mqlAt: at.addingTimeInterval(180))
        return QualificationRecord(lead: lead, contacts: [], answers: [:])
    }

    /// Contacts with each optional field missing in turn.
    static var contactsWithGaps: QualificationRecord {
        let at = Date(timeIntervalSince1970: 1_772_442_000)
        let lead = Lead(id: 5, org: "Two People", profile: "consumables", stage: .mql, createdAt: at, mqlAt: at)
        let contacts = [
            Contact(id: 1, leadId: 5, name: "A", consent: .unknown, createdAt: at),
            Contact(id: 2, leadId: 5, name: "B\u{7F}", title: "T", role: .economicBuyer, consent: .no, createdAt: at),
            Contact(id: 3, leadId: 5, name: "C", email: "c@example.com", phone: "1", consent: .yes, createdAt: at),
        ]
        return QualificationRecord(lead: lead, contacts: contacts, answers: [:])
    }

    /// The engine's verdicts of the records, and the same verdicts reshaped.
    static var verdicts: [Verdict] {
        let base = records.map(JSONExportTypesMatchFoundationTests.verdict)
        var reshaped: [Verdict] = []
        for (n, var v) in base.enumerated() {
            switch n % 4 {
            case 0:
                v.gates = []
                v.flags = []
                v.hardStops = []
                v.bands = [:]
            case 1:
                v.gates = ["budget", "Budget", "a\"b\\c", "zürich", "next-step", "budget"].enumerated().map { i, name in
                    GateStatus(name: name, met: i % 2 == 0, satisfiedBy: [], gaps: [])
                }
            case 2:
                let source = TraceSource.answer(question: "fit.q", ask: "Q?", value: "v")
                v.flags = [FlagHit(name: "no-timeline", source: source), FlagHit(name: "technical-open", source: source),
                           FlagHit(name: "no-timeline", source: source)]
                v.hardStops = [HardStop(reason: .wrongOrgType, source: source), HardStop(reason: .noBudget, source: source)]
                v.bands = [.fit: .high, .intent: .mid, .readiness: .low]
                v.scores = ScoreDelta(fit: -5, intent: Int.min, readiness: Int.max)
            default:
                v.kind = .nurture
                v.mql.toggle()
                v.bands = [.readiness: .high]
            }
            reshaped.append(v)
        }
        return base + reshaped
    }

    static func written(_ write: (inout JSONCompactText) -> Void) -> String {
        var json = JSONCompactText()
        write(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func expectSame<T: Encodable>(_ written: String, _ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(written == JSONText.foundationText(value, pretty: false), sourceLocation: sourceLocation)
        #expect(written == JSONText.encode(value, pretty: false), sourceLocation: sourceLocation)
    }

    @Test func everyExportRecordWithEachVerdictAndWithout() {
        let writer = JSONExport()
        for record in Self.records {
            for verdict in [nil] + Self.verdicts {
                let text = Self.written { JSONExport.writeRecord(record.lead, contacts: record.contacts, verdict: verdict, to: &$0) }
                Self.expectSame(text, writer.record(record.lead, contacts: record.contacts, verdict: verdict))
            }
        }
    }

    @Test func contactsScoresAndBands() {
        for contact in Self.records.flatMap(\.contacts) {
            Self.expectSame(Self.written { ContactJSON(contact).writeJSON(to: &$0) }, ContactJSON(contact))
        }
        for verdict in Self.verdicts.map(VerdictJSON.init) {
            Self.expectSame(Self.written { verdict.scores.writeJSON(to: &$0) }, verdict.scores)
            Self.expectSame(Self.written { verdict.bands.writeJSON(to: &$0) }, verdict.bands)
        }
        for stage in Stage.allCases {
            let crm = CRMRecordJSON(CRMMapping.row(for: stage))
            Self.expectSame(Self.written { crm.writeJSON(to: &$0) }, crm)
        }
    }

    /// The file `export --format json` writes: the records written straight, one a line, are
    /// Foundation's text of each record; with `writtenByFoundation` the writer takes the
    /// `Encodable` path and writes the same file.
    @Test func theExportFileWrittenStraightIsTheEncodableOne() {
        func file() -> String {
            var writer = JSONExport()
            var text = writer.begin()
            for (record, verdict) in zip(Self.records, Self.verdicts) {
                text += writer.write(record.lead, contacts: record.contacts, verdict: verdict)
            }
            return text + writer.end()
        }
        let ours = file()
        #expect(ours == JSONText.$writtenByFoundation.withValue(true) { file() })
        #expect(ours.split(separator: "\n").count == Self.records.count + 2)
    }

    /// The keys of a record are written in `.sortedKeys` order: every member once.
    @Test func theRecordKeysAreSortedAndComplete() {
        let keys = JSONExport.recordKeys.members.map { String(decoding: $0.key.dropFirst().dropLast(), as: UTF8.self) }
        #expect(keys == keys.sorted { JSONObjectNode.precedes($0, $1) })
        #expect(Set(keys).count == LeadJSONField.allCases.count + 3 + VerdictJSON.CodingKeys.allCases.count)
    }
}
