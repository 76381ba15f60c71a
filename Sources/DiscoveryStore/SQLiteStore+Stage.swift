import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult
    public func changeStage(lead id: Int64, to stage: Stage, reason: ReasonCode?, note: String?,
                            actor: String, at: Date) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: at) { db, audit in
            try Self.changeStage(db: db, audit: audit, lead: id, to: stage, reason: reason, note: note)
        }
    }

    /// The same, inside a change already open (e.g. a call outcome that also moves the stage).
    static func changeStage(db: Database, audit: AuditWriter, lead id: Int64, to stage: Stage,
                            reason: ReasonCode?, note: String?) throws -> Lead {
        guard let moved = try changeStage(db: db, audit: audit, lead: id, to: stage, reason: reason, note: note, from: nil) else {
            throw DiscoveryError.failed("no lead L\(id)")
        }
        return moved
    }

    /// The move, only when the lead is at `expected` (any stage when `nil`); `nil`, and nothing
    /// written, when it is not. A stage move also clears the lead's re-qualification mark.
    static func changeStage(db: Database, audit: AuditWriter, lead id: Int64, to stage: Stage,
                            reason: ReasonCode?, note: String?, from expected: Stage?) throws -> Lead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM lead WHERE id = ?", arguments: [id]) else {
            throw DiscoveryError.failed("no lead L\(id)")
        }
        let old = try Rows.lead(row)
        try db.execute(sql: """
            UPDATE lead SET stage = ?, stage_reason = ?, stage_note = ?, stage_changed_at = ?, updated_at = ?,
                            mql_at = coalesce(mql_at, CASE WHEN ? = 'mql' THEN ? END),
                            requalify_trigger = NULL, requalify_at = NULL
            WHERE id = ? AND (? IS NULL OR stage = ?)
            """, arguments: [stage.rawValue, reason?.rawValue, note, audit.at, audit.at, stage.rawValue, audit.at, id,
                             expected?.rawValue, expected?.rawValue])
        guard db.changesCount == 1 else { return nil }
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage",
                         old: old.stage.rawValue, new: stage.rawValue)
        if old.stageReason != reason {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage_reason",
                             old: old.stageReason?.rawValue, new: reason?.rawValue)
        }
        if old.stageNote != note {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage_note",
                             old: old.stageNote, new: note)
        }
        if old.mqlAt == nil && stage == .mql {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "mql_at",
                             old: nil, new: Dates.iso(audit.at))
        }
        if let mark = old.requalify {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger",
                             old: mark.trigger, new: nil)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at",
                             old: Dates.iso(mark.at), new: nil)
        }
        return try Rows.lead(try Row.fetchOne(db, sql: "SELECT * FROM lead WHERE id = ?", arguments: [id])!)
    }
}
