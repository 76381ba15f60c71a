import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: CallStorage {
    public func logCall(_ call: Call, stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: at) { s, audit in
            try Self.insertCall(call, s: s, audit: audit, stageChange: stageChange)
        }
    }

    public func startCall(_ call: Call, actor: String) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: call.at) { s, audit in
            try Self.insertCall(CallEnding.opened(call), s: s, audit: audit, stageChange: nil)
        }
    }

    public func endCall(id: Int64, outcome: CallOutcome, note: String?, durationMinutes: Int?, followUpDue: Date?,
                        stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: at) { s, audit in
            guard let leadId = try s.one("SELECT lead_id FROM call WHERE id = $1", .i(id))?.int64("lead_id") else {
                throw DiscoveryError.failed("no call #\(id)")
            }
            _ = try Self.lockLead(s, leadId)
            guard let old = try Self.call(s, id) else { throw DiscoveryError.failed("no call #\(id)") }
            try CallEnding.check(old)
            try s.exec("""
                UPDATE call SET outcome = $1, note = coalesce($2, note), duration_min = $3, ended_at = $4, follow_up_due = $5
                WHERE id = $6
                """, .t(outcome.rawValue), .t(note), .i(durationMinutes), .d(at), .d(followUpDue), .i(id))
            for (field, before, after) in CallEnding.changes(of: old, outcome: outcome, note: note, durationMinutes: durationMinutes,
                                                             followUpDue: followUpDue, at: at) {
                try audit.record(lead: old.leadId, action: .update, entity: "call", entityId: id, field: field, old: before, new: after)
            }
            if let stageChange {
                _ = try Self.changeStage(s, audit: audit, lead: old.leadId, to: stageChange.stage,
                                         reason: stageChange.reason, note: stageChange.note)
            }
            guard let ended = try Self.call(s, id) else { throw DiscoveryError.failed("no call #\(id)") }
            return ended
        }
    }

    public func calls(lead: Int64) throws(DiscoveryError) -> [Call] {
        try statement { s in try s.rows("SELECT * FROM call WHERE lead_id = $1 ORDER BY at, id", .i(lead)).map(RecordRows.call) }
    }

    public func answerCounts(lead: Int64) throws(DiscoveryError) -> [Int64: Int] {
        try statement { s in
            var counts: [Int64: Int] = [:]
            for row in try s.rows("""
                SELECT call_id, count(*) AS n FROM answer WHERE lead_id = $1 AND call_id IS NOT NULL GROUP BY call_id
                """, .i(lead)) {
                counts[try row.int64(required: "call_id")] = try row.int("n") ?? 0
            }
            return counts
        }
    }

    public func openCall(lead: Int64) throws(DiscoveryError) -> Call? {
        try statement { s in try Self.openCall(s, lead: lead) }
    }

    static func call(_ s: SQLSession, _ id: Int64) throws -> Call? {
        try s.one("SELECT * FROM call WHERE id = $1", .i(id)).map(RecordRows.call)
    }

    static func openCall(_ s: SQLSession, lead: Int64) throws -> Call? {
        try s.one("SELECT * FROM call WHERE lead_id = $1 AND outcome IS NULL AND ended_at IS NULL ORDER BY id DESC LIMIT 1",
                  .i(lead)).map(RecordRows.call)
    }

    /// The lead is locked first: two SDRs logging on one lead take turns, so "a call is already open" holds.
    private static func insertCall(_ call: Call, s: SQLSession, audit: AuditLog, stageChange: CallStageChange?) throws -> Call {
        _ = try lockLead(s, call.leadId)
        if let open = try openCall(s, lead: call.leadId) {
            throw DiscoveryError.failed("L\(call.leadId) has a call open since \(CallTime.text(open.at)); end it with 'call end OUTCOME'")
        }
        let id = try s.insert("""
            INSERT INTO call (lead_id, outcome, note, duration_min, at, ended_at, actor, follow_up_due, contact_id, consent_override)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, .i(call.leadId), .t(call.outcome?.rawValue), .t(call.note), .i(call.durationMinutes), .d(call.at),
            .d(call.endedAt), .t(audit.actor), .d(call.followUpDue), .i(call.contactId), .t(call.consentOverride))
        try audit.record(lead: call.leadId, action: .create, entity: "call", entityId: id, new: call.outcome?.rawValue ?? "started")
        if let why = call.consentOverride {
            try audit.record(lead: call.leadId, action: .update, entity: "call", entityId: id, field: "consent_override", old: nil, new: why)
        }
        if let stageChange {
            _ = try changeStage(s, audit: audit, lead: call.leadId, to: stageChange.stage,
                                reason: stageChange.reason, note: stageChange.note)
        }
        guard let created = try Self.call(s, id) else { throw DiscoveryError.failed("no call #\(id)") }
        return created
    }
}
