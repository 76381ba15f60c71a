import DiscoveryCore
import Yams

/// A decoded profile with the lines its set and gate names were written on.
struct DecodedProfile {
    var profile: Profile
    var line: Int
    var sets: [(id: String, line: Int)]
    var gates: [(id: String, line: Int)]
}

/// Decodes one `profiles/*.yaml` file (SPEC §7).
struct ProfileDecoder {
    static let keys = ["profile", "title", "sets", "mql", "sql", "bands"]
    static let mqlKeys = ["min-total", "min-fit"]
    static let sqlKeys = ["gates", "min-fit"]
    static let bandKeys = ["mid", "high"]

    let log: DiagnosticLog

    func decode(_ root: Node) -> DecodedProfile? {
        guard var reader = MappingReader(root, what: "the profile", log: log) else { return nil }
        let id = reader.identifier("profile", missing: "missing 'profile: ID' (the profile's id, e.g. 'profile: capital-equipment')")
        if let id { reader.what = "profile '\(id)'" }
        reader.rejectUnknownKeys(allowed: Self.keys)
        let title = reader.string("title", missing: "\(reader.what) has no title")
        let sets = reader.identifierList("sets")
        if sets == nil { log.error(line: reader.line, "\(reader.what) has no 'sets' list (the question sets to ask, in interview order)") }
        if sets?.isEmpty == true { log.error(line: reader.line(of: "sets"), "\(reader.what) has an empty 'sets' list") }
        let mql = self.mql(reader)
        let (sql, gates) = self.sql(reader)
        let bands = self.bands(reader)
        // A profile with other problems is still returned, so its sets and gates are checked too;
        // the load fails anyway.
        guard let id else { return nil }
        let profile = Profile(id: id, title: title ?? "", sets: (sets ?? []).map(\.id),
                              mql: mql ?? .init(minTotal: 0, minFit: 0), sql: sql ?? .init(gates: [], minFit: 0),
                              bands: bands, file: log.file)
        return DecodedProfile(profile: profile, line: reader.line(of: "profile"), sets: sets ?? [], gates: gates ?? [])
    }

    private func mql(_ profile: MappingReader) -> Profile.MQLRule? {
        guard let node = profile["mql"] else {
            log.error(line: profile.line, "\(profile.what) has no 'mql' rule (e.g. 'mql: { min-total: 75, min-fit: 30 }')")
            return nil
        }
        guard let reader = MappingReader(node, what: "'mql' of \(profile.what)", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.mqlKeys)
        guard let total = reader.int("min-total") else {
            if reader["min-total"] == nil { log.error(line: reader.line, "'mql' of \(profile.what) has no 'min-total' (fit + intent needed for MQL)") }
            return nil
        }
        let fit = reader.int("min-fit") ?? 0
        nonNegative(total, "min-total", reader)
        nonNegative(fit, "min-fit", reader)
        return Profile.MQLRule(minTotal: total, minFit: fit)
    }

    private func sql(_ profile: MappingReader) -> (Profile.SQLRule?, [(id: String, line: Int)]?) {
        guard let node = profile["sql"] else {
            log.error(line: profile.line, "\(profile.what) has no 'sql' rule (e.g. 'sql: { gates: [need, next-step], min-fit: 30 }')")
            return (nil, nil)
        }
        guard let reader = MappingReader(node, what: "'sql' of \(profile.what)", log: log) else { return (nil, nil) }
        reader.rejectUnknownKeys(allowed: Self.sqlKeys)
        guard let gates = reader.identifierList("gates") else {
            if reader["gates"] == nil { log.error(line: reader.line, "'sql' of \(profile.what) has no 'gates' list") }
            return (nil, nil)
        }
        var seen: Set<String> = []
        for gate in gates where !seen.insert(gate.id).inserted {
            log.error(line: gate.line, "gate '\(gate.id)' is listed twice in 'sql' of \(profile.what)")
        }
        let fit = reader.int("min-fit") ?? 0
        nonNegative(fit, "min-fit", reader)
        return (Profile.SQLRule(gates: gates.map(\.id), minFit: fit), gates)
    }

    private func bands(_ profile: MappingReader) -> [ScoreKind: Band] {
        guard let node = profile["bands"], let reader = MappingReader(node, what: "'bands' of \(profile.what)", log: log) else { return [:] }
        reader.rejectUnknownKeys(allowed: ScoreKind.allCases.map(\.rawValue))
        var bands: [ScoreKind: Band] = [:]
        for kind in ScoreKind.allCases {
            guard let bandNode = reader[kind.rawValue],
                  let band = MappingReader(bandNode, what: "band '\(kind.rawValue)' of \(profile.what)", log: log) else { continue }
            band.rejectUnknownKeys(allowed: Self.bandKeys)
            guard let mid = band.int("mid"), let high = band.int("high") else {
                for key in Self.bandKeys where band[key] == nil {
                    log.error(line: band.line, "band '\(kind.rawValue)' of \(profile.what) has no '\(key)' threshold")
                }
                continue
            }
            for (key, value) in [("mid", mid), ("high", high)] { nonNegative(value, key, band) }
            if mid > high {
                log.error(line: band.line, "band '\(kind.rawValue)' of \(profile.what) has 'mid' (\(mid)) above 'high' (\(high))")
                continue
            }
            bands[kind] = Band(mid: mid, high: high)
        }
        return bands
    }

    /// Thresholds are points: not negative, and within what scores can reach.
    private func nonNegative(_ value: Int, _ key: String, _ reader: MappingReader) {
        if value < 0 { log.error(line: reader.line(of: key), "'\(key)' of \(reader.what) must not be negative (\(value))") }
        if value > Self.maximumThreshold {
            log.error(line: reader.line(of: key), "'\(key)' of \(reader.what) is \(value): thresholds go up to \(Self.maximumThreshold)")
        }
    }

    static let maximumThreshold = 100_000
}
