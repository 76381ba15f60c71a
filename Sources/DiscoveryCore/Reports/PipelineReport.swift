/// `report pipeline`: leads per stage, and how many of those that reached a funnel stage went
/// on to the next one.
public struct PipelineReport: Sendable, Equatable, Codable {
    public struct StageCount: Sendable, Equatable, Codable {
        public var stage: Stage
        public var leads: Int
    }
    public struct Conversion: Sendable, Equatable, Codable {
        public var from: Stage
        public var to: Stage
        /// Leads that reached `from`.
        public var reached: Int
        /// Of those, the leads that reached `to` (or a later funnel stage).
        public var converted: Int
        /// `converted / reached`; null when none reached `from`.
        @NullEncoded public var rate: Double?
    }
    /// One lead as the report sees it: where it is, and the stages it has been in.
    public struct Input: Sendable {
        public var stage: Stage
        public var history: [Stage]
        public var reachedMQL: Bool
        public init(stage: Stage, history: [Stage], reachedMQL: Bool) {
            self.stage = stage
            self.history = history
            self.reachedMQL = reachedMQL
        }
    }

    public var total: Int
    public var stages: [StageCount]
    public var conversions: [Conversion]

    /// The forward path a lead walks; `nurture`, `disqualified` and `closed-lost` leave it.
    public static let funnel: [Stage] = [.new, .mql, .sal, .sql, .opportunity]

    public static func compute(_ leads: [Input]) -> PipelineReport {
        let stages = Stage.allCases.map { s in StageCount(stage: s, leads: leads.filter { $0.stage == s }.count) }
        // A lead reached every funnel stage up to the furthest one it has been in.
        let furthest = leads.map { lead -> Int in
            var seen = lead.history + [lead.stage]
            if lead.reachedMQL { seen.append(.mql) }
            return seen.compactMap { funnel.firstIndex(of: $0) }.max() ?? 0
        }
        let conversions = zip(funnel, funnel.dropFirst()).enumerated().map { i, pair in
            let reached = furthest.filter { $0 >= i }.count
            let converted = furthest.filter { $0 >= i + 1 }.count
            return Conversion(from: pair.0, to: pair.1, reached: reached, converted: converted,
                              rate: reached == 0 ? nil : Ratio.round(Double(converted) / Double(reached)))
        }
        return PipelineReport(total: leads.count, stages: stages, conversions: conversions)
    }
}

/// Shares and rates, rounded so that reports and their JSON are stable.
public enum Ratio {
    public static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// `42%`; `-` for no rate.
    public static func percent(_ x: Double?) -> String {
        guard let x else { return "-" }
        return "\(Int((x * 100).rounded()))%"
    }
}
