import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: AcceptanceStorage {
    public func acceptMQL(lead id: Int64, note: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            try Self.changeStage(s, audit: audit, lead: id, to: .sal, reason: nil, note: note, from: .mql)
        }
    }

    public func rejectMQL(lead id: Int64, reason: RejectionReason, note: String?, actor: String,
                          at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            let stageNote = "rejected by sales (\(reason.rawValue))" + (note.map { ": \($0)" } ?? "")
            guard let moved = try Self.changeStage(s, audit: audit, lead: id, to: .nurture, reason: nil, note: stageNote,
                                                   from: .mql) else { return nil }
            let rejection = try s.insert("INSERT INTO rejection (lead_id, reason, note, actor, at) VALUES ($1, $2, $3, $4, $5)",
                                         .i(id), .t(reason.rawValue), .t(note), .t(actor), .d(at))
            try audit.record(lead: id, action: .create, entity: "rejection", entityId: rejection, new: reason.rawValue)
            return moved
        }
    }

    public func rejections(since: Date?) throws(DiscoveryError) -> [Rejection] {
        try read { s in try Self.rejections(s, since: since) }
    }

    /// The rejections made at or after `since` (all when `nil`), oldest first.
    static func rejections(_ s: SQLSession, since: Date?) throws -> [Rejection] {
        let rows = try since.map { try s.rows("SELECT * FROM rejection WHERE at >= $1 ORDER BY at, id", .d($0)) }
            ?? s.rows("SELECT * FROM rejection ORDER BY at, id")
        return try rows.map(RecordRows.rejection)
    }
}
