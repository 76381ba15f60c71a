import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: VerdictBasisStorage {
    /// Leads per statement of `forEachLeadWithVerdictBasis` (all pages in one snapshot).
    static let basisPage: Int64 = 5_000

    public func forEachLeadWithVerdictBasis(model: String, createdSince since: Date?,
                                            _ body: (Lead, _ revision: Int64, VerdictBasis?) throws -> Void) throws(DiscoveryError) {
        try read { s in
            var after: Int64 = 0
            while true {
                var values: [SQLValue] = [.t(model), .i(after), .i(Self.basisPage)]
                if let since { values.append(.d(since)) }
                // A basis joins only when stored for the lead's revision and this model.
                let rows = try s.rows("""
                    SELECT lead.*, coalesce(r.revision, 0) AS b_current, b.fit AS b_fit, b.intent AS b_intent,
                           b.readiness AS b_readiness, b.gates_met AS b_gates_met, b.no_timeline AS b_no_timeline,
                           b.hard_stop AS b_hard_stop, b.direct_request AS b_direct_request, b.inactive_since AS b_inactive_since,
                           b.inactivity_logged AS b_inactivity_logged, b.latest_activity AS b_latest_activity
                    FROM (SELECT * FROM lead WHERE id > $2\(since == nil ? "" : " AND created_at >= $4") ORDER BY id LIMIT $3) AS lead
                    LEFT JOIN lead_revision r ON r.lead_id = lead.id
                    LEFT JOIN verdict_basis b ON b.lead_id = lead.id AND b.model = $1 AND b.revision = coalesce(r.revision, 0)
                    ORDER BY lead.id
                    """, values: values)
                for row in rows {
                    let lead = try RecordRows.lead(row)
                    try body(lead, try row.int64(required: "b_current"), try Self.basis(row, lead: lead.id))
                }
                guard rows.count == Self.basisPage, let last = rows.last else { return }
                after = try last.int64(required: "id")
            }
        }
    }

    static func basis(_ r: SQLRow, lead: Int64) throws -> VerdictBasis? {
        guard let fit = try r.int("b_fit") else { return nil }
        guard let intent = try r.int("b_intent"), let readiness = try r.int("b_readiness"),
              let since = try r.double("b_inactive_since"), let logged = try r.int("b_inactivity_logged"),
              let latest = try r.double("b_latest_activity") else {
            throw DiscoveryError.storage("verdict_basis row \(lead) is incomplete")
        }
        return VerdictBasis(scores: ScoreDelta(fit: fit, intent: intent, readiness: readiness),
                            gatesMet: try r.bool("b_gates_met") ?? false, noTimeline: try r.bool("b_no_timeline") ?? false,
                            hardStop: try r.bool("b_hard_stop") ?? false, directRequest: try r.text("b_direct_request"),
                            inactivity: Inactivity.Inputs(since: Date(timeIntervalSinceReferenceDate: since), logged: logged),
                            latestActivity: Date(timeIntervalSinceReferenceDate: latest))
    }

    /// Rows per statement of `storeVerdictBases`: each column bound as one array.
    static let basisBatch = 5_000

    public func storeVerdictBases(_ bases: [StoredVerdictBasis], model: String) throws(DiscoveryError) {
        guard !bases.isEmpty else { return }
        try administer { s in
            var start = 0
            while start < bases.count {
                let batch = bases[start..<min(start + Self.basisBatch, bases.count)]
                start += batch.count
                // A lead erased meanwhile is skipped (no row to refer to); "" is no direct request.
                try s.exec("""
                    INSERT INTO verdict_basis (lead_id, revision, model, fit, intent, readiness, gates_met, no_timeline,
                                               hard_stop, direct_request, inactive_since, inactivity_logged, latest_activity)
                    SELECT u.lead, u.revision, $1, u.fit, u.intent, u.readiness, u.gates_met, u.no_timeline, u.hard_stop,
                           nullif(u.direct_request, ''), u.inactive_since, u.logged, u.latest_activity
                    FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::boolean[], $8::boolean[],
                                $9::boolean[], $10::text[], $11::float8[], $12::bigint[], $13::float8[])
                         AS u(lead, revision, fit, intent, readiness, gates_met, no_timeline, hard_stop, direct_request,
                              inactive_since, logged, latest_activity)
                    WHERE u.lead IN (SELECT id FROM lead)
                    ON CONFLICT (lead_id) DO UPDATE SET revision = excluded.revision, model = excluded.model, fit = excluded.fit,
                        intent = excluded.intent, readiness = excluded.readiness, gates_met = excluded.gates_met,
                        no_timeline = excluded.no_timeline, hard_stop = excluded.hard_stop, direct_request = excluded.direct_request,
                        inactive_since = excluded.inactive_since, inactivity_logged = excluded.inactivity_logged,
                        latest_activity = excluded.latest_activity
                    """, values: [
                        .t(model), .ints(batch.map(\.lead)), .ints(batch.map(\.revision)),
                        .ints(batch.map { Int64($0.basis.scores.fit) }), .ints(batch.map { Int64($0.basis.scores.intent) }),
                        .ints(batch.map { Int64($0.basis.scores.readiness) }), .bools(batch.map(\.basis.gatesMet)),
                        .bools(batch.map(\.basis.noTimeline)), .bools(batch.map(\.basis.hardStop)),
                        .texts(batch.map { $0.basis.directRequest ?? "" }),
                        .doubles(batch.map(\.basis.inactivity.since.timeIntervalSinceReferenceDate)),
                        .ints(batch.map { Int64($0.basis.inactivity.logged) }),
                        .doubles(batch.map(\.basis.latestActivity.timeIntervalSinceReferenceDate)),
                    ])
            }
        }
    }
}
