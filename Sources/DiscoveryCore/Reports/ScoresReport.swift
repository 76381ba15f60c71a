/// `report scores`: how fit, intent and readiness are distributed across the leads of each
/// profile, with the verdicts they lead to. The three scores stay separate.
public struct ScoresReport: Sendable, Equatable, Codable {
    public struct Bucket: Sendable, Equatable, Codable {
        /// `<0`, `0-19`, ..., `80+`.
        public var range: String
        public var leads: Int
    }
    public struct Distribution: Sendable, Equatable, Codable {
        public var score: ScoreKind
        public var min: Int
        public var median: Int
        public var max: Int
        public var buckets: [Bucket]
        /// Leads per band (`low`, `mid`, `high`), for the scores the profile bands.
        public var bands: [String: Int]
    }
    public struct ProfileRow: Sendable, Equatable, Codable {
        public var profile: String
        public var leads: Int
        /// Leads per verdict (`sql-ready`, `not-yet`, `nurture`, `disqualify`), every verdict present.
        public var verdicts: [String: Int]
        public var scores: [Distribution]
    }
    public var profiles: [ProfileRow]
    /// Leads whose profile is not in the question sets: they cannot be scored.
    public var unscored: Int

    /// Lower bounds of the buckets after `<0`; each spans 20 points, the last is open.
    public static let bucketStarts = [0, 20, 40, 60, 80]

    public static func compute(_ verdicts: [Verdict], unscored: Int = 0) -> ScoresReport {
        var tally = Tally()
        for v in verdicts { tally.add(v.standing) }
        return tally.report(unscored: unscored)
    }

    /// The report built one verdict at a time, as the book is read: per profile, the count of
    /// each verdict, and of each score value and band (a histogram: the median comes from it),
    /// so a book of any size is held in a few kilobytes.
    public struct Tally: Sendable {
        private struct Profile: Sendable {
            var leads = 0
            var kinds: [VerdictKind: Int] = [:]
            var values: [ScoreKind: [Int: Int]] = [:]
            var bands: [ScoreKind: [BandLevel: Int]] = [:]
        }
        private var profiles: [String: Profile] = [:]

        public init() {}

        public mutating func add(_ v: VerdictStanding) {
            var p = profiles[v.profile] ?? Profile()
            profiles[v.profile] = nil   // keeps `p` the only owner while it changes
            p.leads += 1
            p.kinds[v.kind, default: 0] += 1
            for kind in ScoreKind.allCases {
                p.values[kind, default: [:]][v.scores[kind], default: 0] += 1
                if let level = v.bands[kind] { p.bands[kind, default: [:]][level, default: 0] += 1 }
            }
            profiles[v.profile] = p
        }

        public func report(unscored: Int) -> ScoresReport {
            let rows = profiles.keys.sorted().map { id -> ProfileRow in
                let p = profiles[id] ?? Profile()
                var kinds = Dictionary(uniqueKeysWithValues: VerdictKind.allCases.map { ($0.rawValue, 0) })
                for (kind, n) in p.kinds { kinds[kind.rawValue] = n }
                return ProfileRow(profile: id, leads: p.leads, verdicts: kinds,
                                  scores: ScoreKind.allCases.map { distribution($0, p.values[$0] ?? [:], p.bands[$0] ?? [:]) })
            }
            return ScoresReport(profiles: rows, unscored: unscored)
        }
    }

    /// One score's distribution from its histogram (`value → leads`).
    static func distribution(_ kind: ScoreKind, _ histogram: [Int: Int], _ bandCounts: [BandLevel: Int]) -> Distribution {
        let values = histogram.keys.sorted()
        let total = histogram.values.reduce(0, +)
        func count(_ range: (Int) -> Bool) -> Int { histogram.filter { range($0.key) }.map(\.value).reduce(0, +) }
        var buckets = [Bucket(range: "<0", leads: count { $0 < 0 })]
        for (i, start) in bucketStarts.enumerated() {
            let end = i + 1 < bucketStarts.count ? bucketStarts[i + 1] : nil
            let range = end.map { "\(start)-\($0 - 1)" } ?? "\(start)+"
            buckets.append(Bucket(range: range, leads: count { $0 >= start && $0 < (end ?? Int.max) }))
        }
        // The lower median, as of a sorted list: the value at position (total - 1) / 2.
        var median = 0, seen = 0
        for value in values {
            seen += histogram[value] ?? 0
            if seen > (total - 1) / 2 { median = value; break }
        }
        var bands: [String: Int] = [:]
        for (level, n) in bandCounts { bands[level.rawValue] = n }
        return Distribution(score: kind, min: values.first ?? 0, median: total == 0 ? 0 : median,
                            max: values.last ?? 0, buckets: buckets, bands: bands)
    }
}
