/// Thresholds at which a score moves from `low` to `mid` and from `mid` to `high`.
public struct Band: Sendable, Equatable, Codable {
    public var mid: Int
    public var high: Int
    public init(mid: Int, high: Int) {
        self.mid = mid
        self.high = high
    }
}

/// A score band as shown to the rep.
public enum BandLevel: String, Sendable, Codable {
    case low, mid, high
}

/// A scoring profile (SPEC §7): which sets to ask, and the MQL and SQL thresholds.
public struct Profile: Sendable, Equatable, Codable {
    public struct MQLRule: Sendable, Equatable, Codable {
        public var minTotal: Int
        public var minFit: Int
        public init(minTotal: Int, minFit: Int) {
            self.minTotal = minTotal
            self.minFit = minFit
        }
    }
    public struct SQLRule: Sendable, Equatable, Codable {
        public var gates: [String]
        public var minFit: Int
        public init(gates: [String], minFit: Int) {
            self.gates = gates
            self.minFit = minFit
        }
    }

    public var id: String
    public var title: String
    /// Interview order.
    public var sets: [String]
    public var mql: MQLRule
    public var sql: SQLRule
    public var bands: [ScoreKind: Band]
    public var file: String

    public init(id: String, title: String, sets: [String], mql: MQLRule, sql: SQLRule,
                bands: [ScoreKind: Band] = [:], file: String = "") {
        self.id = id
        self.title = title
        self.sets = sets
        self.mql = mql
        self.sql = sql
        self.bands = bands
        self.file = file
    }
}
