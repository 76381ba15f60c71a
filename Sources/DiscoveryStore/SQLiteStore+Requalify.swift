import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: RequalifyStorage {
    public func markRequalify(lead id: Int64, trigger: String, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            guard try Self.fetchLead(db, id) != nil else { throw DiscoveryError.failed("no lead L\(id)") }
            let stages = Requalification.stages.map(\.rawValue).sorted()
            try db.execute(sql: """
                UPDATE lead SET requalify_trigger = ?, requalify_at = ?, updated_at = ?
                WHERE id = ? AND requalify_trigger IS NULL AND stage IN (\(Self.placeholders(stages.count)))
                """, arguments: StatementArguments([trigger.databaseValue, audit.storedAt, audit.storedAt, id.databaseValue]
                                          + stages.map(\.databaseValue)))
            guard db.changesCount == 1 else { return nil }
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger", old: nil, new: trigger)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at", old: nil, new: Dates.iso(at))
            return try Self.fetchLead(db, id)
        }
    }

    public func clearRequalify(lead id: Int64, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            guard let old = try Self.fetchLead(db, id) else { throw DiscoveryError.failed("no lead L\(id)") }
            try db.execute(sql: """
                UPDATE lead SET requalify_trigger = NULL, requalify_at = NULL, updated_at = ?
                WHERE id = ? AND requalify_trigger IS NOT NULL
                """, arguments: [audit.storedAt, id])
            guard db.changesCount == 1, let mark = old.requalify else { return nil }
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_trigger", old: mark.trigger, new: nil)
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "requalify_at", old: Dates.iso(mark.at), new: nil)
            return try Self.fetchLead(db, id)
        }
    }

    public func requalifyLeads(owner: String?) throws(DiscoveryError) -> [Lead] {
        try read { db in
            let sql = "SELECT * FROM lead WHERE requalify_trigger IS NOT NULL" + (owner == nil ? "" : " AND owner = ?") + " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: owner.map { [$0] } ?? []).map(Rows.lead)
        }
    }
}
