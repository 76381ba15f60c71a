import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: CallStorage {
    public func logCall(_ call: Call, stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: at) { db, audit in
            try Self.insertCall(call, db: db, audit: audit, stageChange: stageChange)
        }
    }

    public func startCall(_ call: Call, actor: String) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: call.at) { db, audit in
            try Self.insertCall(CallEnding.opened(call), db: db, audit: audit, stageChange: nil)
        }
    }

    public func endCall(id: Int64, outcome: CallOutcome, note: String?, durationMinutes: Int?, followUpDue: Date?,
                        stageChange: CallStageChange?, actor: String, at: Date) throws(DiscoveryError) -> Call {
        try change(actor: actor, at: at) { db, audit in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM call WHERE id = ?", arguments: [id]) else {
                throw DiscoveryError.failed("no call #\(id)")
            }
            let old = try Rows.call(row)
            try CallEnding.check(old)
            try db.execute(sql: """
                UPDATE call SET outcome = ?, note = coalesce(?, note), duration_min = ?, ended_at = ?, follow_up_due = ?
                WHERE id = ?
                """, arguments: [outcome.rawValue, note, durationMinutes, at, followUpDue, id])
            for (field, before, after) in CallEnding.changes(of: old, outcome: outcome, note: note, durationMinutes: durationMinutes,
                                                             followUpDue: followUpDue, at: at) {
                try audit.record(lead: old.leadId, action: .update, entity: "call", entityId: id, field: field, old: before, new: after)
            }
            if let stageChange {
                _ = try Self.changeStage(db: db, audit: audit, lead: old.leadId, to: stageChange.stage,
                                         reason: stageChange.reason, note: stageChange.note)
            }
            return try Rows.call(try Row.fetchOne(db, sql: "SELECT * FROM call WHERE id = ?", arguments: [id])!)
        }
    }

    public func calls(lead: Int64) throws(DiscoveryError) -> [Call] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM call WHERE lead_id = ? ORDER BY at, id", arguments: [lead]).map(Rows.call)
        }
    }

    public func answerCounts(lead: Int64) throws(DiscoveryError) -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT call_id, count(*) AS n FROM answer WHERE lead_id = ? AND call_id IS NOT NULL GROUP BY call_id
                """, arguments: [lead]) {
                counts[row["call_id"]] = row["n"]
            }
            return counts
        }
    }

    public func openCall(lead: Int64) throws(DiscoveryError) -> Call? {
        try read { db in try Self.openCall(db: db, lead: lead) }
    }

    private static func insertCall(_ call: Call, db: Database, audit: AuditWriter, stageChange: CallStageChange?) throws -> Call {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM lead WHERE id = ?", arguments: [call.leadId]) == true else {
            throw DiscoveryError.failed("no lead L\(call.leadId)")
        }
        if let open = try Self.openCall(db: db, lead: call.leadId) {
            throw DiscoveryError.failed("L\(call.leadId) has a call open since \(CallTime.text(open.at)); end it with 'call end OUTCOME'")
        }
        try db.execute(sql: """
            INSERT INTO call (lead_id, outcome, note, duration_min, at, ended_at, actor, follow_up_due, contact_id, consent_override)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [call.leadId, call.outcome?.rawValue, call.note, call.durationMinutes, call.at, call.endedAt,
                             audit.actor, call.followUpDue, call.contactId, call.consentOverride])
        let id = db.lastInsertedRowID
        try audit.record(lead: call.leadId, action: .create, entity: "call", entityId: id, new: call.outcome?.rawValue ?? "started")
        if let why = call.consentOverride {
            try audit.record(lead: call.leadId, action: .update, entity: "call", entityId: id, field: "consent_override",
                             old: nil, new: why)
        }
        if let stageChange {
            _ = try changeStage(db: db, audit: audit, lead: call.leadId, to: stageChange.stage,
                                reason: stageChange.reason, note: stageChange.note)
        }
        return try Rows.call(try Row.fetchOne(db, sql: "SELECT * FROM call WHERE id = ?", arguments: [id])!)
    }
}

extension SQLiteStore {
    static func openCall(db: Database, lead: Int64) throws -> Call? {
        try Row.fetchOne(db, sql: "SELECT * FROM call WHERE lead_id = ? AND outcome IS NULL AND ended_at IS NULL ORDER BY id DESC LIMIT 1",
                         arguments: [lead]).map(Rows.call)
    }
}
