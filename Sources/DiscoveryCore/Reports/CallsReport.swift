/// `report calls`: calls per outcome for each SDR (whoever logged them), with the connect rate.
public struct CallsReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var sdr: String
        /// Calls per outcome id, every outcome present (zero when none).
        public var outcomes: [String: Int]
        public var calls: Int
        public var attempts: Int
        public var connected: Int
        /// `connected / attempts`; `nil` without attempts.
        public var connectRate: Double?

        private enum CodingKeys: String, CodingKey { case sdr, outcomes, calls, attempts, connected, connectRate }

        /// `connect_rate` is written as null without attempts, so every row has the same keys.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sdr, forKey: .sdr)
            try c.encode(outcomes, forKey: .outcomes)
            try c.encode(calls, forKey: .calls)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(connected, forKey: .connected)
            try c.encode(connectRate, forKey: .connectRate)
        }

        init(sdr: String, calls: [Call]) {
            self.sdr = sdr
            var outcomes = Dictionary(uniqueKeysWithValues: CallOutcome.allCases.map { ($0.rawValue, 0) })
            var attempts = 0
            var connected = 0
            for call in calls {
                guard let outcome = call.outcome else { continue }
                outcomes[outcome.rawValue, default: 0] += 1
                if outcome.effect.countsAsAttempt { attempts += 1 }
                if outcome.effect.countsAsAttempt && outcome.effect.connected { connected += 1 }
            }
            self.outcomes = outcomes
            self.calls = calls.filter { $0.outcome != nil }.count
            self.attempts = attempts
            self.connected = connected
            self.connectRate = attempts == 0 ? nil : Ratio.round(Double(connected) / Double(attempts))
        }
    }
    public var sdrs: [Row]
    public var total: Row

    /// From finished calls; calls still open (no outcome) are not counted.
    public static func compute(_ calls: [Call]) -> CallsReport {
        let finished = calls.filter { $0.outcome != nil }
        let bySDR = Dictionary(grouping: finished, by: \.actor)
        return CallsReport(sdrs: bySDR.keys.sorted().map { Row(sdr: $0, calls: bySDR[$0] ?? []) },
                           total: Row(sdr: "total", calls: finished))
    }
}
