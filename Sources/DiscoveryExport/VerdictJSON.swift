import DiscoveryCore

/// The verdict keys of `status --json` (SPEC §8), also carried per lead by `export --format json`
/// so a BI tool reads the whole book's verdicts: `verdict`, `mql`, `scores`, `bands`, `gates`,
/// `missing_gates`, `hard_stops`, `flags`. Keys are explicit snake_case: the encoders differ.
public struct VerdictJSON: Encodable, Sendable {
    public struct Scores: Encodable, Sendable {
        public let fit: Int
        public let intent: Int
        public let readiness: Int
    }

    /// Each score's band; `null` for fit or readiness when the profile gives that score no
    /// thresholds (intent always has a band).
    public struct Bands: Encodable, Sendable {
        @NullEncoded public var fit: String?
        public let intent: String
        @NullEncoded public var readiness: String?

        public init(_ v: Verdict) {
            fit = v.band(.fit)?.rawValue
            intent = (v.band(.intent) ?? .low).rawValue
            readiness = v.band(.readiness)?.rawValue
        }
    }

    public let verdict: String
    public let mql: Bool
    public let scores: Scores
    public let bands: Bands
    public let gates: [String: Bool]
    public let missingGates: [String]
    public let hardStops: [String]
    public let flags: [String]

    public init(_ v: Verdict) {
        verdict = v.kind.rawValue
        mql = v.mql
        scores = Scores(fit: v.scores.fit, intent: v.scores.intent, readiness: v.scores.readiness)
        bands = Bands(v)
        gates = Dictionary(v.gates.map { ($0.name, $0.met) }, uniquingKeysWith: { a, b in a && b })
        missingGates = v.missingGates
        hardStops = v.hardStopReasons.map(\.rawValue)
        flags = v.flagNames
    }

    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case verdict, mql, scores, bands, gates, missingGates = "missing_gates", hardStops = "hard_stops", flags
    }
}
