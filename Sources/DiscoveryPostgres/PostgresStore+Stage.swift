import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore {
    @discardableResult
    public func changeStage(lead id: Int64, to stage: Stage, reason: ReasonCode?, note: String?,
                            actor: String, at: Date) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: at) { s, audit in
            try Self.changeStage(s, audit: audit, lead: id, to: stage, reason: reason, note: note)
        }
    }

    /// The lead's row is locked before its stage is looked at: a teammate's move waits, then is seen.
    public func changeStage(lead id: Int64, ifAt expected: Stage, to stage: Stage, reason: ReasonCode?, note: String?,
                            actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            guard try Self.lockLead(s, id).stage == expected else { return nil }
            return try Self.changeStage(s, audit: audit, lead: id, to: stage, reason: reason, note: note)
        }
    }

    /// The same, inside a change already open (a call outcome that also moves the stage). The
    /// lead's row is locked, so what the move records as the old stage is the stage in force.
    static func changeStage(_ s: SQLSession, audit: AuditLog, lead id: Int64, to stage: Stage,
                            reason: ReasonCode?, note: String?) throws -> Lead {
        let old = try lockLead(s, id)
        try s.exec("""
            UPDATE lead SET stage = $1, stage_reason = $2, stage_note = $3, stage_changed_at = $4, updated_at = $4,
                            mql_at = coalesce(mql_at, CASE WHEN $1 = 'mql' THEN $4 END)
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
        return try lockLead(s, id)
    }
}
