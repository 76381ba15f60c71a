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

    /// What the report keeps of one lead's verdict: not its trace or its questions, so a report
    /// over 100,000 leads holds a few bytes per lead.
    public struct Scored: Sendable {
        public var profile: String
        public var kind: VerdictKind
        public var scores: ScoreDelta
        public var bands: [ScoreKind: BandLevel]

        public init(_ v: Verdict) {
            profile = v.profile
            kind = v.kind
            scores = v.scores
            bands = v.bands
        }
    }

    public static func compute(_ verdicts: [Verdict], unscored: Int = 0) -> ScoresReport {
        compute(scored: verdicts.map(Scored.init), unscored: unscored)
    }

    public static func compute(scored verdicts: [Scored], unscored: Int = 0) -> ScoresReport {
        let byProfile = Dictionary(grouping: verdicts, by: \.profile)
        let rows = byProfile.keys.sorted().map { id -> ProfileRow in
            let vs = byProfile[id] ?? []
            var kinds = Dictionary(uniqueKeysWithValues: VerdictKind.allCases.map { ($0.rawValue, 0) })
            for v in vs { kinds[v.kind.rawValue, default: 0] += 1 }
            return ProfileRow(profile: id, leads: vs.count, verdicts: kinds,
                              scores: ScoreKind.allCases.map { distribution($0, vs) })
        }
        return ScoresReport(profiles: rows, unscored: unscored)
    }

    static func distribution(_ kind: ScoreKind, _ verdicts: [Scored]) -> Distribution {
        let values = verdicts.map { $0.scores[kind] }.sorted()
        var buckets = [Bucket(range: "<0", leads: values.filter { $0 < 0 }.count)]
        for (i, start) in bucketStarts.enumerated() {
            let end = i + 1 < bucketStarts.count ? bucketStarts[i + 1] : nil
            let range = end.map { "\(start)-\($0 - 1)" } ?? "\(start)+"
            buckets.append(Bucket(range: range, leads: values.filter { $0 >= start && $0 < (end ?? Int.max) }.count))
        }
        var bands: [String: Int] = [:]
        for v in verdicts {
            if let level = v.bands[kind] { bands[level.rawValue, default: 0] += 1 }
        }
        return Distribution(score: kind, min: values.first ?? 0, median: values.isEmpty ? 0 : values[(values.count - 1) / 2],
                            max: values.last ?? 0, buckets: buckets, bands: bands)
    }
}
