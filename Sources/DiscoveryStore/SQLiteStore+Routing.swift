import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: RoutingStorage {
    public func qualifyAsMQL(lead id: Int64, note: String, route: RoutingDecision?, actor: String,
                             at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            guard let old = try Self.fetchLead(db, id) else { throw DiscoveryError.failed("no lead L\(id)") }
            guard old.stage == .new else { return nil }
            var lead = try Self.changeStage(db: db, audit: audit, lead: id, to: .mql, reason: nil, note: note, from: .new)
            if let route, lead?.owner == nil {
                lead = try Self.assignRoute(db: db, audit: audit, lead: id, route: route)
            }
            return lead
        }
    }

    public func dropMQL(lead id: Int64, note: String, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            guard try Self.fetchLead(db, id) != nil else { throw DiscoveryError.failed("no lead L\(id)") }
            return try Self.changeStage(db: db, audit: audit, lead: id, to: .new, reason: nil, note: note, from: .mql)
        }
    }

    public func assignRoute(lead id: Int64, route: RoutingDecision, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { db, audit in
            guard try Self.fetchLead(db, id) != nil else { throw DiscoveryError.failed("no lead L\(id)") }
            return try Self.assignRoute(db: db, audit: audit, lead: id, route: route)
        }
    }

    public func openLeadCounts(owners: [String]) throws(DiscoveryError) -> [String: Int] {
        guard !owners.isEmpty else { return [:] }
        return try read { db in
            let stages = Router.openStages.map(\.rawValue).sorted()
            let sql = "SELECT owner, count(*) AS n FROM lead WHERE owner IN (\(Self.placeholders(owners.count)))"
                + " AND stage IN (\(Self.placeholders(stages.count))) GROUP BY owner"
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(owners + stages))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["owner"] as String, $0["n"] as Int) })
        }
    }

    /// Sets owner and route rule only while the lead is unowned; `nil` when it is not.
    static func assignRoute(db: Database, audit: AuditWriter, lead id: Int64, route: RoutingDecision) throws -> Lead? {
        let old = try fetchLead(db, id)
        try db.execute(sql: "UPDATE lead SET owner = ?, route_rule = ?, updated_at = ? WHERE id = ? AND owner IS NULL",
                       arguments: [route.owner, route.rule, audit.at, id])
        guard db.changesCount == 1, let old else { return nil }
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "owner", old: nil, new: route.owner)
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "route_rule",
                         old: old.routeRule, new: route.rule)
        return try fetchLead(db, id)
    }

    static func fetchLead(_ db: Database, _ id: Int64) throws -> Lead? {
        try Row.fetchOne(db, sql: "SELECT * FROM lead WHERE id = ?", arguments: [id]).map(Rows.lead)
    }

    /// `?, ?, ?` for an `IN (...)` list of `n` bound values.
    static func placeholders(_ n: Int) -> String {
        Array(repeating: "?", count: n).joined(separator: ", ")
    }
}
