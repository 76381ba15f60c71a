import DiscoveryCore
import Foundation
import SeededRandom

/// A lead's way through the funnel over the generated year: whether and when it became an
/// MQL, what sales said (accepted, or rejected with a reason), how far it went after, each
/// move dated. Sources differ the way the scoring guide's review expects them to: referrals
/// and webinars convert, content downloads and cold outbound get rejected more.
struct Journey {
    var stage: Stage = .new
    var mqlAt: Date?
    var moves: [(from: Stage, to: Stage, at: Date)] = []
    var rejection: RejectionReason?
    var disqualifiedFor: ReasonCode?

    /// The last day anything may happen: the fixed test clock, 2026-03-02.
    static let end = Date(timeIntervalSince1970: 1_772_409_600)
    static let day: TimeInterval = 86_400

    /// How likely sales accepts an MQL from each source, in percent.
    static let acceptance: [String: Int] = [
        "referral": 80, "webinar": 70, "partner": 68, "trade-show": 62, "inbound-web": 55, "linkedin": 48,
        "content-download": 30, "cold-outbound": 35,
    ]
    /// Why sales rejects: content downloads and cold outbound bring the wrong facilities.
    static func rejectionReasons(source: String) -> [(RejectionReason, Int)] {
        let poorFit = source == "content-download" || source == "cold-outbound" ? 6 : 2
        return [(.disqualification(.notQualifiedFacility), poorFit), (.disqualification(.wrongOrgType), poorFit), (.wrongRole, 3),
                (.disqualification(.noBudget), 2), (.disqualification(.timingTooFar), 2), (.disqualification(.noResponse), 1),
                (.disqualification(.alreadyCustomer), 1)]
    }

    static func make(created: Date, source: String, random: inout SeededRandom) -> Journey {
        var j = Journey()
        guard random.chance(0.6) else {
            if random.chance(0.15) {
                j.disqualifiedFor = random.pick(Vocabulary.reasons)
                j.move(to: .disqualified, at: created + Double(1 + random.below(20)) * day)
            }
            return j
        }
        let mqlAt = created + Double(3600 + random.below(20 * 86_400))
        guard mqlAt < end else { return j }
        j.mqlAt = mqlAt
        j.move(to: .mql, at: mqlAt)
        // Sales decides within a few days; the newest MQLs are often still waiting.
        let decided = mqlAt + Double(7200 + random.below(5 * 86_400))
        guard decided < end, !(end.timeIntervalSince(mqlAt) < 7 * day && random.chance(0.5)) else { return j }
        guard random.below(100) < acceptance[source, default: 50] else {
            j.rejection = random.weighted(rejectionReasons(source: source))
            j.move(to: .nurture, at: decided)
            return j
        }
        j.move(to: .sal, at: decided)
        let sqlAt = decided + Double(3 + random.below(28)) * day
        guard sqlAt < end else { return j }
        guard random.chance(source == "referral" || source == "webinar" ? 0.6 : 0.45) else {
            if random.chance(0.3) { j.move(to: .closedLost, at: sqlAt) }
            return j
        }
        j.move(to: .sql, at: sqlAt)
        let oppAt = sqlAt + Double(7 + random.below(35)) * day
        guard oppAt < end, random.chance(0.5) else { return j }
        j.move(to: .opportunity, at: oppAt)
        return j
    }

    mutating func move(to next: Stage, at: Date) {
        moves.append((stage, next, at))
        stage = next
    }

    /// When the lead last changed stage (its creation when it never did).
    func stageChangedAt(created: Date) -> Date { moves.last?.at ?? created }
}
