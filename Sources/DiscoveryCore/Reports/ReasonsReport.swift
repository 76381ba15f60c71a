/// `report reasons`: why leads were disqualified, with counts and shares.
public struct ReasonsReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        /// A reason code, or `unspecified` for a lead disqualified without one.
        public var reason: String
        public var leads: Int
        public var share: Double
    }
    public var total: Int
    public var reasons: [Row]

    /// From the disqualified leads; the most frequent reason first, ties in the order of SPEC §5.
    public static func compute(_ leads: [Lead]) -> ReasonsReport {
        let disqualified = leads.filter { $0.stage == .disqualified }
        let order = ReasonCode.allCases.map(\.rawValue) + ["unspecified"]
        var counts: [String: Int] = [:]
        for lead in disqualified { counts[lead.stageReason?.rawValue ?? "unspecified", default: 0] += 1 }
        let rows = counts.map { Row(reason: $0.key, leads: $0.value, share: Ratio.round(Double($0.value) / Double(disqualified.count))) }
            .sorted { a, b in
                a.leads != b.leads ? a.leads > b.leads
                    : (order.firstIndex(of: a.reason) ?? order.count) < (order.firstIndex(of: b.reason) ?? order.count)
            }
        return ReasonsReport(total: disqualified.count, reasons: rows)
    }
}
