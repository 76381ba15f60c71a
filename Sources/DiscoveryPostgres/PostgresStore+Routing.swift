import DiscoveryCore
import DiscoveryStorage
import Foundation

/// The MQL rule's own moves and routing: each conditional on the state seen, under the lead's row lock.
extension PostgresStore: RoutingStorage {
    public func qualifyAsMQL(lead id: Int64, note: String, route: RoutingDecision?, actor: String,
                             at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            var lead = try Self.changeStage(s, audit: audit, lead: id, to: .mql, reason: nil, note: note, from: .new)
            if let route, let moved = lead, moved.owner == nil {
                lead = try Self.assignRoute(s, audit: audit, lead: id, route: route) ?? moved
            }
            return lead
        }
    }

    public func dropMQL(lead id: Int64, note: String, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in
            try Self.changeStage(s, audit: audit, lead: id, to: .new, reason: nil, note: note, from: .mql)
        }
    }

    public func assignRoute(lead id: Int64, route: RoutingDecision, actor: String, at: Date) throws(DiscoveryError) -> Lead? {
        try change(actor: actor, at: at) { s, audit in try Self.assignRoute(s, audit: audit, lead: id, route: route) }
    }

    public func openLeadCounts(owners: [String]) throws(DiscoveryError) -> [String: Int] {
        guard !owners.isEmpty else { return [:] }
        return try read { s in
            let stages = Router.openStages.map(\.rawValue).sorted()
            var values: [SQLValue] = []
            func bind(_ v: SQLValue) -> String { values.append(v); return "$\(values.count)" }
            let sql = "SELECT owner, count(*) AS n FROM lead WHERE owner IN (\(owners.map { bind(.t($0)) }.joined(separator: ", ")))"
                + " AND stage IN (\(stages.map { bind(.t($0)) }.joined(separator: ", "))) GROUP BY owner"
            var counts: [String: Int] = [:]
            for row in try s.rows(sql, values: values) { counts[try row.text(required: "owner")] = try row.int("n") ?? 0 }
            return counts
        }
    }

    /// Sets owner and route rule only while the lead is unowned; `nil` when it is not.
    static func assignRoute(_ s: SQLSession, audit: AuditLog, lead id: Int64, route: RoutingDecision) throws -> Lead? {
        let old = try lockLead(s, id)
        guard old.owner == nil else { return nil }
        try s.exec("UPDATE lead SET owner = $1, route_rule = $2, updated_at = $3 WHERE id = $4",
                   .t(route.owner), .t(route.rule), .d(audit.at), .i(id))
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "owner", old: nil, new: route.owner)
        try audit.record(lead: id, action: .update, entity: "lead", entityId: id, field: "route_rule", old: old.routeRule, new: route.rule)
        return try lead(s, id)
    }
}
