/// `report calls`: calls per outcome for each SDR (whoever logged them), with the connect rate.
public struct CallsReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var sdr: String
        /// Calls per outcome id, every outcome present (zero when none).
        public var outcomes: [String: Int]
        public var calls: Int
        public var attempts: Int
        public var connected: Int
        /// `connected / attempts`; null without attempts.
        @NullEncoded public var connectRate: Double?

        init(sdr: String, counts: [OutcomeCount]) {
            self.sdr = sdr
            var outcomes = Dictionary(uniqueKeysWithValues: CallOutcome.allCases.map { ($0.rawValue, 0) })
            var calls = 0
            var attempts = 0
            var connected = 0
            for c in counts {
                outcomes[c.outcome.rawValue, default: 0] += c.calls
                calls += c.calls
                if c.outcome.effect.countsAsAttempt { attempts += c.calls }
                if c.outcome.effect.countsAsAttempt && c.outcome.effect.connected { connected += c.calls }
            }
            self.outcomes = outcomes
            self.calls = calls
            self.attempts = attempts
            self.connected = connected
            self.connectRate = attempts == 0 ? nil : Ratio.round(Double(connected) / Double(attempts))
        }
    }
    public var sdrs: [Row]
    public var total: Row

    /// How many finished calls one SDR logged with one outcome: what the report is made of, so
    /// the database can count (a book of 500,000 calls need not be read into memory).
    public struct OutcomeCount: Sendable, Equatable {
        public var sdr: String
        public var outcome: CallOutcome
        public var calls: Int

        public init(sdr: String, outcome: CallOutcome, calls: Int) {
            self.sdr = sdr
            self.outcome = outcome
            self.calls = calls
        }
    }

    /// From finished calls; calls still open (no outcome) are not counted.
    public static func compute(_ calls: [Call]) -> CallsReport {
        var counts: [String: [CallOutcome: Int]] = [:]
        for call in calls {
            if let outcome = call.outcome { counts[call.actor, default: [:]][outcome, default: 0] += 1 }
        }
        return compute(counts: counts.flatMap { sdr, byOutcome in
            byOutcome.map { OutcomeCount(sdr: sdr, outcome: $0.key, calls: $0.value) }
        })
    }

    public static func compute(counts: [OutcomeCount]) -> CallsReport {
        let bySDR = Dictionary(grouping: counts, by: \.sdr)
        return CallsReport(sdrs: bySDR.keys.sorted().map { Row(sdr: $0, counts: bySDR[$0] ?? []) },
                           total: Row(sdr: "total", counts: counts))
    }
}
