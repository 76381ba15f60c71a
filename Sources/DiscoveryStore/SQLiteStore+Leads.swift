import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: LeadStorage {
    /// Creates a lead and returns it with its id.
    public func createLead(_ lead: Lead, actor: String) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: lead.createdAt) { db, audit in
            try db.execute(sql: """
                INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage,
                                  created_at, updated_at, stage_changed_at, website)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [lead.org, lead.type, lead.specialty, lead.region, lead.beds, lead.source,
                                 lead.profile, lead.consent.rawValue, lead.owner, lead.stage.rawValue,
                                 lead.createdAt, lead.createdAt, lead.createdAt, lead.website])
            var created = lead
            created.id = db.lastInsertedRowID
            try audit.record(lead: created.id, action: .create, entity: "lead", entityId: created.id, new: lead.org)
            return created
        }
    }

    public func lead(id: Int64) throws(DiscoveryError) -> Lead? {
        try rawRead { db in try db.cachedRaw("SELECT \(RawRows.leadColumns) FROM lead WHERE id = ?").first([id.databaseValue], RawRows.lead) }
    }

    /// Leads whose organisation name starts with `prefix` (case-insensitive), at most `limit`.
    public func leads(withOrgPrefix prefix: String, limit: Int) throws(DiscoveryError) -> [Lead] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM lead WHERE org LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                             arguments: [LikePattern.prefix(prefix), limit]).map(Rows.lead)
        }
    }

    public func leadIds(withDigitPrefix digits: String, limit: Int) throws(DiscoveryError) -> [Int64] {
        guard let ranges = LeadIdPrefix.ranges(digits), !ranges.isEmpty, limit > 0 else { return [] }
        return try read { db in
            let terms = ranges.map { _ in "id BETWEEN ? AND ?" }.joined(separator: " OR ")
            let args = StatementArguments(ranges.flatMap { [$0.lowerBound, $0.upperBound] } + [Int64(limit)])
            return try Int64.fetchAll(db, sql: "SELECT id FROM lead WHERE \(terms) ORDER BY id LIMIT ?", arguments: args)
        }
    }

    public func forEachLead(_ filter: LeadFilter, _ body: (Lead) throws -> Void) throws(DiscoveryError) {
        // Read by position through the C API, as the whole-book read is.
        try forEachRow(filter, columns: RawRows.leadColumns) { try body(try RawRows.lead($0)) }
    }

    public func forEachLeadListRow(_ filter: LeadFilter, _ body: (LeadListRow) throws -> Void) throws(DiscoveryError) {
        try forEachRow(filter, columns: "id, stage, profile, owner, region, org") { c in
            let id = c.int64(0) ?? 0
            try body(LeadListRow(id: id, stage: try c.value(Stage.self, 1, table: "lead", row: id), profile: c.text(2) ?? "",
                                 owner: c.text(3), region: c.text(4), org: c.text(5) ?? ""))
        }
    }

    /// `columns` of each lead the filter keeps, in id order.
    private func forEachRow(_ filter: LeadFilter, columns: String, _ each: (RawStatement.Columns) throws -> Void) throws(DiscoveryError) {
        try rawRead { db in
            var clauses: [String] = []
            var args: [DatabaseValue] = []
            if let s = filter.stage { clauses.append("stage = ?"); args.append(s.rawValue.databaseValue) }
            if let o = filter.owner { clauses.append("owner = ?"); args.append(o.databaseValue) }
            if let p = filter.profile { clauses.append("profile = ?"); args.append(p.databaseValue) }
            if let text = filter.search {
                let pattern = LikePattern.contains(text).databaseValue
                clauses.append("(org LIKE ? ESCAPE '\\' OR specialty LIKE ? ESCAPE '\\' OR region LIKE ? ESCAPE '\\')")
                args += [pattern, pattern, pattern]
            }
            var sql = "SELECT \(columns) FROM lead"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY id"
            if let limit = filter.limit { sql += " LIMIT ?"; args.append(limit.databaseValue) }
            try RawStatement(db, sql: sql).forEach(args, each)
        }
    }

    /// Sets one field of a lead; records old and new value. Returns the updated lead.
    @discardableResult
    public func updateLead(id: Int64, field: LeadField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: at) { db, audit in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM lead WHERE id = ?", arguments: [id]) else {
                throw DiscoveryError.failed("no lead L\(id)")
            }
            let old = row[field.column] as DatabaseValue
            let stored: DatabaseValueConvertible? = field == .beds ? value.flatMap { Int($0) } : value
            try db.execute(sql: "UPDATE lead SET \(field.column) = ?, updated_at = ? WHERE id = ?",
                           arguments: [stored, at, id])
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: field.column,
                             old: Self.text(old), new: value)
            return try Rows.lead(try Row.fetchOne(db, sql: "SELECT * FROM lead WHERE id = ?", arguments: [id])!)
        }
    }

    /// Erases a lead and all its personal data everywhere, audit values included, and records
    /// who deleted it and when. Cannot be undone.
    public func deleteLead(id: Int64, actor: String, at: Date) throws(DiscoveryError) {
        try change(actor: actor, at: at) { db, audit in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM lead WHERE id = ?", arguments: [id]) == true else {
                throw DiscoveryError.failed("no lead L\(id)")
            }
            try db.execute(sql: "DELETE FROM lead WHERE id = ?", arguments: [id])
            try db.execute(sql: "INSERT OR IGNORE INTO audit_erasure (lead_id, at, actor) VALUES (?, ?, ?)",
                           arguments: [id, at, actor])
            try db.execute(sql: "UPDATE audit SET old_value = NULL, new_value = NULL WHERE lead_id = ?", arguments: [id])
            try audit.record(lead: id, action: .delete, entity: "lead", entityId: id)
        }
    }

    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .blob: return nil
        }
    }
}
