import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: RequalifyStorage {
    public func markRequalify(lead id: Int64, trigger: String, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            let old = try Self.lockLead(s, id)
            guard old.requalify == nil, Requalification.stages.contains(old.stage) else { return nil }
            try s.exec("UPDATE lead SET requalify_trigger = $1, requalify_at = $2, updated_at = $2 WHERE id = $3",
                       .t(trigger), .d(audit.at), .i(id))
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger", old: nil, new: trigger)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at", old: nil, new: Dates.iso(at))
            return try Self.lead(s, id)
        }
    }

    public func clearRequalify(lead id: Int64, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            let old = try Self.lockLead(s, id)
            guard let mark = old.requalify else { return nil }
            try s.exec("UPDATE lead SET requalify_trigger = NULL, requalify_at = NULL, updated_at = $1 WHERE id = $2", .d(audit.at), .i(id))
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger", old: mark.trigger, new: nil)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at", old: Dates.iso(mark.at), new: nil)
            return try Self.lead(s, id)
        }
    }

    public func requalifyLeads(owner: String?) throws(DiscoveryError) -> [Lead] {
        try read { s in
            let rows = try owner.map { try s.rows("SELECT * FROM lead WHERE requalify_trigger IS NOT NULL AND owner = $1 ORDER BY id", .t($0)) }
                ?? s.rows("SELECT * FROM lead WHERE requalify_trigger IS NOT NULL ORDER BY id")
            return try rows.map(RecordRows.lead)
        }
    }
}
