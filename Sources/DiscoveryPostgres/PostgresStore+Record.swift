import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: RecordStorage {
    public func qualificationRecord(lead id: Int64) throws(DiscoveryError) -> QualificationRecord? {
        try read { s in try Self.lead(s, id).map { try Self.record(of: $0, s: s) } }
    }

    public func forEachQualificationRecord(createdSince since: Date?,
                                           _ body: (QualificationRecord) throws -> Void) throws(DiscoveryError) {
        try read { s in
            for lead in try Self.leadRows(s, since: since, column: .createdAt) {
                try body(try Self.record(of: lead, s: s))
            }
        }
    }

    static func record(of lead: Lead, s: SQLSession) throws -> QualificationRecord {
        let id = lead.id
        let contacts = try s.rows("SELECT * FROM contact WHERE lead_id = $1 ORDER BY id", .i(id)).map { try RecordRows.contact($0) }
        let answers = try answersInForce(lead: id, s: s)
        let lastAnswerAt = try s.one("SELECT max(at) AS m FROM answer WHERE lead_id = $1", .i(id))?.date("m")
        let signals = try s.rows("SELECT * FROM signal WHERE lead_id = $1 ORDER BY at, id", .i(id)).map(RecordRows.signal)
        let calls = try s.rows("SELECT * FROM call WHERE lead_id = $1 ORDER BY at, id", .i(id)).map(RecordRows.call)
        return QualificationRecord(lead: lead, contacts: contacts, answers: answers, signals: signals,
                                   calls: calls, nextStep: try openNextStep(s, lead: id), lastAnswerAt: lastAnswerAt)
    }

    /// The date columns a report may filter leads on: a closed list, never user text.
    enum SinceColumn: String {
        case createdAt = "created_at"
        case stageChangedAt = "stage_changed_at"
    }

    static func leadRows(_ s: SQLSession, since: Date?, column: SinceColumn) throws -> [Lead] {
        if let since {
            return try s.rows("SELECT * FROM lead WHERE \(column.rawValue) >= $1 ORDER BY id", .d(since)).map(RecordRows.lead)
        }
        return try s.rows("SELECT * FROM lead ORDER BY id").map(RecordRows.lead)
    }
}
