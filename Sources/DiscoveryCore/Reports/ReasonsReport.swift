/// `report reasons`: why leads were disqualified, with counts and shares; and, apart, why sales
/// rejected MQLs (marketing's feedback, SPEC §11).
public struct ReasonsReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        /// A reason code, or `unspecified` for a lead disqualified without one.
        public var reason: String
        public var leads: Int
        public var share: Double
    }
    public var total: Int
    public var reasons: [Row]
    /// Sales rejections (each counted once, a lead rejected twice twice); `leads` counts rejections.
    public var rejected: Int
    public var rejections: [Row]

    /// From the disqualified leads and the rejections; the most frequent reason first, ties in
    /// the order of SPEC §5 (`wrong-role` after the disqualification codes).
    public static func compute(_ leads: [Lead], rejections: [Rejection] = []) -> ReasonsReport {
        let disqualified = leads.filter { $0.stage == .disqualified }
        let reasons = rows(disqualified.map { $0.stageReason?.rawValue ?? "unspecified" },
                           order: ReasonCode.allCases.map(\.rawValue) + ["unspecified"])
        let rejected = rows(rejections.map(\.reason.rawValue), order: RejectionReason.allCases.map(\.rawValue))
        return ReasonsReport(total: disqualified.count, reasons: reasons, rejected: rejections.count, rejections: rejected)
    }

    static func rows(_ reasons: [String], order: [String]) -> [Row] {
        var counts: [String: Int] = [:]
        for reason in reasons { counts[reason, default: 0] += 1 }
        return rows(counts: counts, order: order)
    }

    /// The same from each reason's count (the review's tally keeps counts, not the reasons).
    static func rows(counts: [String: Int], order: [String]) -> [Row] {
        let total = counts.values.reduce(0, +)
        return counts.map { Row(reason: $0.key, leads: $0.value, share: Ratio.round(Double($0.value) / Double(total))) }
            .sorted { a, b in
                a.leads != b.leads ? a.leads > b.leads
                    : (order.firstIndex(of: a.reason) ?? order.count) < (order.firstIndex(of: b.reason) ?? order.count)
            }
    }
}
