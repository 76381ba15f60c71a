/// The first rule that decides differently under a candidate model, in the order the verdict
/// is decided (SPEC §4, §7): hard stops, gates, flags, then points, then the MQL rule.
public enum ReplayDifference {
    /// One line naming the first difference between `now` and `candidate`; `nil` when they agree
    /// on every rule. A `nil` verdict is a lead its profile does not score.
    public static func first(now: Verdict?, candidate: Verdict?, nowProfile: Profile? = nil,
                             candidateProfile: Profile? = nil) -> String? {
        guard let now, let candidate else {
            if now == nil && candidate == nil { return nil }
            let profile = (now ?? candidate)?.profile ?? "?"
            return now == nil ? "profile \(profile) is only in the candidate model" : "profile \(profile) is not in the candidate model"
        }
        if now.profile != candidate.profile { return "profile \(now.profile) → \(candidate.profile)" }
        let stopsNow = Set(now.hardStopReasons), stopsThen = Set(candidate.hardStopReasons)
        if let reason = now.hardStopReasons.first(where: { !stopsThen.contains($0) }) {
            return "hard stop \(reason.rawValue) no longer applies"
        }
        if let stop = candidate.hardStops.first(where: { !stopsNow.contains($0.reason) }) {
            return "hard stop \(stop.reason.rawValue) from \(stop.source.description)"
        }
        let gatesThen = Dictionary(candidate.gates.map { ($0.name, $0.met) }, uniquingKeysWith: { a, _ in a })
        for gate in now.gates {
            guard let met = gatesThen[gate.name] else { return "gate \(gate.name) is not in the candidate profile" }
            if met != gate.met { return "gate \(gate.name): \(word(gate.met)) → \(word(met))" }
        }
        let gatesNow = Set(now.gates.map(\.name))
        if let gate = candidate.gates.first(where: { !gatesNow.contains($0.name) }) {
            return "new gate \(gate.name): \(word(gate.met))"
        }
        let flagsThen = Set(candidate.flagNames), flagsNow = Set(now.flagNames)
        if let flag = now.flagNames.first(where: { !flagsThen.contains($0) }) { return "flag \(flag) no longer raised" }
        if let flag = candidate.flags.first(where: { !flagsNow.contains($0.name) }) {
            return "flag \(flag.name) raised by \(flag.source.description)"
        }
        if let line = firstLineDifference(now.trace, candidate.trace) { return line }
        return ofThresholds(now: now.standing, candidate: candidate.standing, nowProfile: nowProfile, candidateProfile: candidateProfile)
    }

    /// The first threshold or MQL outcome that differs, for two standings from one scoring
    /// (every hard stop, gate, flag and point alike); `nil` when they agree.
    public static func ofThresholds(now: VerdictStanding?, candidate: VerdictStanding?, nowProfile: Profile?,
                                    candidateProfile: Profile?) -> String? {
        guard let now, let candidate else { return nil }
        if let a = nowProfile, let b = candidateProfile {
            if a.sql.minFit != b.sql.minFit {
                return "SQL rule: minimum fit \(a.sql.minFit) → \(b.sql.minFit) (fit \(candidate.scores.fit))"
            }
            if a.mql != b.mql {
                return "MQL rule: minimum total \(a.mql.minTotal) → \(b.mql.minTotal), minimum fit \(a.mql.minFit) → \(b.mql.minFit) ("
                    + "\(candidate.mqlReason))"
            }
        }
        if now.mql != candidate.mql || now.mqlReason != candidate.mqlReason {
            return "MQL rule: \(candidate.mqlReason)"
        }
        return nil
    }

    /// The first score line (in trace order) that one model gives and the other does not.
    public static func firstLineDifference(_ now: [ScoreLine], _ candidate: [ScoreLine]) -> String? {
        let key = { (l: ScoreLine) in "\(l.kind.rawValue) \(l.source.description)" }
        let pointsThen = Dictionary(candidate.map { (key($0), $0.points) }, uniquingKeysWith: +)
        let pointsNow = Dictionary(now.map { (key($0), $0.points) }, uniquingKeysWith: +)
        for line in now {
            let then = pointsThen[key(line)] ?? 0
            if then != pointsNow[key(line)] {
                return "\(line.kind.rawValue) \(signed(pointsNow[key(line)] ?? 0)) → \(signed(then)) for \(line.source.description)"
            }
        }
        for line in candidate where pointsNow[key(line)] == nil {
            return "\(line.kind.rawValue) +0 → \(signed(pointsThen[key(line)] ?? 0)) for \(line.source.description)"
        }
        return nil
    }

    static func word(_ met: Bool) -> String { met ? "met" : "not met" }
    static func signed(_ n: Int) -> String { n >= 0 ? "+\(n)" : "\(n)" }
}
