import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: LeadStorage {
    public func createLead(_ lead: Lead, actor: String) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: lead.createdAt) { s, audit in
            var created = lead
            created.id = try s.insert("""
                INSERT INTO lead (org, type, specialty, region, beds, source, profile, consent, owner, stage,
                                  created_at, updated_at, stage_changed_at, website)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11, $12)
                """, .t(lead.org), .t(lead.type), .t(lead.specialty), .t(lead.region), .i(lead.beds), .t(lead.source),
                .t(lead.profile), .t(lead.consent.rawValue), .t(lead.owner), .t(lead.stage.rawValue), .d(lead.createdAt),
                .t(lead.website))
            try audit.record(lead: created.id, action: .create, entity: "lead", entityId: created.id, new: lead.org)
            return try Self.lead(s, created.id) ?? created
        }
    }

    public func lead(id: Int64) throws(DiscoveryError) -> Lead? {
        try statement { s in try Self.lead(s, id) }
    }

    static func lead(_ s: SQLSession, _ id: Int64, forUpdate: Bool = false) throws -> Lead? {
        try s.one("SELECT * FROM lead WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""), .i(id)).map(RecordRows.lead)
    }

    /// Locks the lead's row for the rest of the change (teammates changing it wait), or fails when there is none.
    static func lockLead(_ s: SQLSession, _ id: Int64) throws -> Lead {
        guard let lead = try lead(s, id, forUpdate: true) else { throw DiscoveryError.failed("no lead L\(id)") }
        return lead
    }

    public func leads(withOrgPrefix prefix: String, limit: Int) throws(DiscoveryError) -> [Lead] {
        try statement { s in
            try s.rows("SELECT * FROM lead WHERE lower(org) LIKE lower($1) ESCAPE '\\' ORDER BY id LIMIT $2",
                       .t(LikePattern.prefix(prefix)), .i(limit)).map(RecordRows.lead)
        }
    }

    public func leadIds(withDigitPrefix digits: String, limit: Int) throws(DiscoveryError) -> [Int64] {
        guard let ranges = LeadIdPrefix.ranges(digits), !ranges.isEmpty, limit > 0 else { return [] }
        return try statement { s in
            let terms = ranges.indices.map { "id BETWEEN $\(2 * $0 + 1) AND $\(2 * $0 + 2)" }.joined(separator: " OR ")
            let values = ranges.flatMap { [SQLValue.i($0.lowerBound), .i($0.upperBound)] } + [.i(Int64(limit))]
            return try s.rows("SELECT id FROM lead WHERE \(terms) ORDER BY id LIMIT $\(values.count)", values: values)
                .map { try $0.int64(required: "id") }
        }
    }

    /// The rows are read whole (one statement), then handed out (a PostgreSQL book is read for correctness here).
    public func forEachLead(_ filter: LeadFilter, _ body: (Lead) throws -> Void) throws(DiscoveryError) {
        try forEachRow(filter, columns: "*") { try body(try RecordRows.lead($0)) }
    }

    public func forEachLeadListRow(_ filter: LeadFilter, _ body: (LeadListRow) throws -> Void) throws(DiscoveryError) {
        try forEachRow(filter, columns: "id, stage, profile, owner, region, org") { r in
            try body(LeadListRow(id: try r.int64(required: "id"), stage: try r.value(Stage.self, "stage", table: "lead"),
                                 profile: try r.text(required: "profile"), owner: try r.text("owner"), region: try r.text("region"),
                                 org: try r.text(required: "org")))
        }
    }

    /// `columns` of each lead the filter keeps, in id order.
    private func forEachRow(_ filter: LeadFilter, columns: String, _ each: (SQLRow) throws -> Void) throws(DiscoveryError) {
        try statement { s in
            var clauses: [String] = []
            var args: [SQLValue] = []
            func bind(_ v: SQLValue) -> String { args.append(v); return "$\(args.count)" }
            if let st = filter.stage { clauses.append("stage = \(bind(.t(st.rawValue)))") }
            if let o = filter.owner { clauses.append("owner = \(bind(.t(o)))") }
            if let p = filter.profile { clauses.append("profile = \(bind(.t(p)))") }
            if let text = filter.search {
                let p = bind(.t(LikePattern.contains(text)))
                clauses.append("(org ILIKE \(p) ESCAPE '\\' OR specialty ILIKE \(p) ESCAPE '\\' OR region ILIKE \(p) ESCAPE '\\')")
            }
            var sql = "SELECT \(columns) FROM lead"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY id"
            if let limit = filter.limit { sql += " LIMIT \(bind(.i(limit)))" }
            for row in try s.rows(sql, values: args) { try each(row) }
        }
    }

    @discardableResult
    public func updateLead(id: Int64, field: LeadField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Lead {
        try change(actor: actor, at: at) { s, audit in
            let old = try Self.lockLead(s, id)
            let stored: SQLValue = field == .beds ? .i(value.flatMap { Int($0) }) : .t(value)
            // `field.column` comes from `LeadField`'s fixed list, never from user text.
            try s.exec("UPDATE lead SET \(field.column) = $1, updated_at = $2 WHERE id = $3", stored, .d(at), .i(id))
            try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: field.column,
                             old: Self.text(of: field, in: old), new: value)
            return try Self.lockLead(s, id)
        }
    }

    /// A lead field's value as the audit log holds it (what the SQLite store writes).
    static func text(of field: LeadField, in lead: Lead) -> String? {
        switch field {
        case .org: lead.org
        case .type: lead.type
        case .specialty: lead.specialty
        case .region: lead.region
        case .beds: lead.beds.map(String.init)
        case .source: lead.source
        case .profile: lead.profile
        case .consent: lead.consent.rawValue
        case .owner: lead.owner
        case .website: lead.website
        }
    }

    /// Erases a lead and its personal data everywhere, through `discovery_erase_lead` (granted
    /// to `discovery_ops` only: the server refuses a rep).
    public func deleteLead(id: Int64, actor: String, at: Date) throws(DiscoveryError) {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, id)
            try s.exec("SELECT discovery_erase_lead($1, $2, $3)", .i(id), .t(actor), .d(at))
            try audit.record(lead: id, action: .delete, entity: "lead", entityId: id)
        }
    }
}
