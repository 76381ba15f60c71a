import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation
import QuestionSets

extension Command {
    static let replay = Command(CommandSpec(
        ["replay"],
        usage: "replay DIR [--json]",
        summary: "The book under a candidate scoring model (question sets, profiles, signals in DIR), writing nothing",
        example: "replay candidate-sets",
        group: .output, arguments: 1...1, options: [.flag("--json")]
    )) { inv, session in
        let directory = inv.arguments[0]
        let candidate = try Lint.check(directory: directory, err: session.err).catalog
        let report = try session.replay(under: candidate)
        if inv.flag("--json") {
            session.out.write(ReplayJSON.encode(report, directory: directory, asOf: session.now()))
        } else {
            let chart = BarChart(unicode: session.drawsUnicode, width: session.width)
            session.out.write(ReplayRenderer(chart: chart).render(report, directory: directory))
        }
    }
}

extension Session {
    /// Every lead judged by the current question sets and by `candidate`, tallied as read;
    /// nothing is written. When the candidate has the same profiles and scores every one alike
    /// (`VerdictEngine.scoresAlike`: only thresholds moved), each lead's verdict basis (kept, or
    /// computed from its record when stale) is judged by both. Otherwise the whole book is read
    /// as one state, and a profile scored alike still has each lead scored once.
    func replay(under candidate: Catalog) throws(DiscoveryError) -> ReplayReport {
        let current = try catalog
        let now = now()
        var tally = ReplayReport.Tally()
        if Set(current.profiles.map(\.id)) == Set(candidate.profiles.map(\.id)),
           current.profiles.allSatisfy({ VerdictEngine.scoresAlike(current, candidate, profile: $0.id) }) {
            try forEachVerdictBasis(createdSince: nil, keeping: false) { lead, basis in
                guard let basis, let a = current.profile(lead.profile), let b = candidate.profile(lead.profile) else {
                    // Unscored by both: its month never counts (only MQLs are counted by month).
                    tally.add(ReplayReport.Input(lead: lead, month: ReplayReport.Input.month(mqlAt: lead.mqlAt, latestActivity: lead.createdAt),
                                                 now: nil, candidate: nil))
                    return
                }
                tally.add(ReplayReport.Input(
                    lead: lead, month: ReplayReport.Input.month(mqlAt: lead.mqlAt, latestActivity: basis.latestActivity),
                    alike: VerdictEngine.standing(basis, catalog: current, profile: a, now: now),
                    VerdictEngine.standing(basis, catalog: candidate, profile: b, now: now),
                    nowProfile: a, candidateProfile: b))
            }
            return tally.report
        }
        var alike: [String: Bool] = [:]
        func scoredAlike(_ profile: String) -> Bool {
            if let known = alike[profile] { return known }
            let answer = VerdictEngine.scoresAlike(current, candidate, profile: profile)
            alike[profile] = answer
            return answer
        }
        try store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
            let profile = record.lead.profile
            let nowProfile = current.profile(profile), thenProfile = candidate.profile(profile)
            var nowVerdict: Verdict?, thenVerdict: Verdict?
            if let nowProfile, let thenProfile, scoredAlike(profile) {
                let scoring = VerdictEngine.score(record, catalog: current, profile: nowProfile, now: now)
                nowVerdict = VerdictEngine.judge(scoring, profile: nowProfile, rankingQuestions: false)
                thenVerdict = VerdictEngine.judge(scoring, profile: thenProfile, rankingQuestions: false)
            } else {
                nowVerdict = nowProfile.map { VerdictEngine.evaluate(record, catalog: current, profile: $0, now: now, rankingQuestions: false) }
                thenVerdict = thenProfile.map { VerdictEngine.evaluate(record, catalog: candidate, profile: $0, now: now, rankingQuestions: false) }
            }
            tally.add(ReplayReport.Input(
                lead: record.lead, month: ReplayReport.Input.month(of: record), now: nowVerdict, candidate: thenVerdict,
                nowProfile: nowProfile, candidateProfile: thenProfile))
        }
        return tally.report
    }
}

/// `replay DIR --json`: `{"replay": DIR, "as_of": TIME, "leads": N, "transitions": [...], ...}`.
enum ReplayJSON {
    private struct Envelope: Encodable {
        var replay: String
        var asOf: Date
        var report: ReplayReport

        func encode(to encoder: Encoder) throws {
            enum Key: String, CodingKey { case replay, asOf }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(replay, forKey: .replay)
            try c.encode(asOf, forKey: .asOf)
            try report.encode(to: encoder)
        }
    }

    static func encode(_ report: ReplayReport, directory: String, asOf: Date) -> String {
        JSONText.encode(Envelope(replay: directory, asOf: asOf, report: report)) + "\n"
    }
}
