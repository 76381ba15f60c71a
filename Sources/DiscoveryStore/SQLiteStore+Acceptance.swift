import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: AcceptanceStorage {
    public func acceptMQL(lead id: Int64, note: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            try Self.changeStage(db: db, audit: audit, lead: id, to: .sal, reason: nil, note: note, from: .mql)
        }
    }

    public func rejectMQL(lead id: Int64, reason: RejectionReason, note: String?, actor: String,
                          at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            let stageNote = "rejected by sales (\(reason.rawValue))" + (note.map { ": \($0)" } ?? "")
            guard let moved = try Self.changeStage(db: db, audit: audit, lead: id, to: .nurture, reason: nil, note: stageNote,
                                                   from: .mql) else { return nil }
            try db.execute(sql: "INSERT INTO rejection (lead_id, reason, note, actor, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, reason.rawValue, note, actor, at])
            try audit.record(lead: id, action: .create, entity: "rejection", entityId: db.lastInsertedRowID, new: reason.rawValue)
            return moved
        }
    }

    public func rejections(since: Date?) throws(DiscoveryError) -> [Rejection] {
        try read { db in
            let sql = "SELECT * FROM rejection" + (since == nil ? "" : " WHERE at >= ?") + " ORDER BY at, id"
            return try Row.fetchAll(db, sql: sql, arguments: since.map { [$0] } ?? []).map(Rows.rejection)
        }
    }
}
