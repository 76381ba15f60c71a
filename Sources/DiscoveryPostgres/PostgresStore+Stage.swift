import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore {
    @discardableResult
    public func changeStage(lead id: Int64, to stage: Stage, reason: ReasonCode?, note: String?,
                            actor: String, at: Date) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: at) { s, audit in
            guard let moved = try Self.changeStage(s, audit: audit, lead: id, to: stage, reason: reason, note: note, from: nil) else {
                throw DiscoveryError.failed("no lead L\(id)")
            }
            return moved
        }
    }

    /// The same, inside a change already open (a call outcome that also moves the stage).
    static func changeStage(_ s: SQLSession, audit: AuditLog, lead id: Int64, to stage: Stage,
                            reason: ReasonCode?, note: String?) throws -> Lead {
        guard let moved = try changeStage(s, audit: audit, lead: id, to: stage, reason: reason, note: note, from: nil) else {
            throw DiscoveryError.failed("no lead L\(id)")
        }
        return moved
    }

    /// The move, only when the lead is at `expected` (any stage when `nil`); `nil`, and nothing
    /// written, when it is not. The lead's row is locked first, so the stage looked at is the
    /// stage in force: a teammate's move waits, then is seen. A move clears the re-qualification mark.
    static func changeStage(_ s: SQLSession, audit: AuditLog, lead id: Int64, to stage: Stage,
                            reason: ReasonCode?, note: String?, from expected: Stage?) throws -> Lead? {
        let old = try lockLead(s, id)
        if let expected, old.stage != expected { return nil }
        try s.exec("""
            UPDATE lead SET stage = $1, stage_reason = $2, stage_note = $3, stage_changed_at = $4, updated_at = $4,
                            mql_at = coalesce(mql_at, CASE WHEN $1 = 'mql' THEN $4 END),
                            requalify_trigger = NULL, requalify_at = NULL
            WHERE id = $5
            """, .t(stage.rawValue), .t(reason?.rawValue), .t(note), .d(audit.at), .i(id))
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage",
                         old: old.stage.rawValue, new: stage.rawValue)
        if old.stageReason != reason {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage_reason",
                             old: old.stageReason?.rawValue, new: reason?.rawValue)
        }
        if old.stageNote != note {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "stage_note", old: old.stageNote, new: note)
        }
        if old.mqlAt == nil && stage == .mql {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "mql_at", old: nil, new: Dates.iso(audit.at))
        }
        if let mark = old.requalify {
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger",
                             old: mark.trigger, new: nil)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at",
                             old: Dates.iso(mark.at), new: nil)
        }
        return try lockLead(s, id)
    }
}
