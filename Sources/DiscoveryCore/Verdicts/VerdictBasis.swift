import Foundation

/// What a verdict decides — kind, MQL standing and why, the three scores and their bands —
/// without the trace, gates and questions behind it: all that a whole-book count needs.
public struct VerdictStanding: Sendable, Equatable {
    public var profile: String
    public var kind: VerdictKind
    public var mql: Bool
    public var mqlReason: String
    public var scores: ScoreDelta
    public var bands: [ScoreKind: BandLevel]
}

/// The part of a lead's scoring that its standing is decided from, whatever the clock and the
/// profile's thresholds: the scores before the inactivity rule, whether every gate is met, the
/// `no-timeline` flag, any hard stop, the first high-priority signal, and the inactivity rule's
/// inputs. Stored between whole-book reads (it changes only when the lead's record or the
/// scoring model does), it gives the same standing as the full evaluation at any instant
/// (`VerdictEngine.standing`; property-tested against `evaluate`).
public struct VerdictBasis: Sendable, Equatable {
    /// Fit, intent and readiness without the inactivity line.
    public var scores: ScoreDelta
    public var gatesMet: Bool
    public var noTimeline: Bool
    public var hardStop: Bool
    /// The first high-priority signal's description: an MQL whatever the total.
    public var directRequest: String?
    public var inactivity: Inactivity.Inputs
    /// The record's newest activity: creation, answer, signal or call (a replay's month of a
    /// lead that never reached `mql`).
    public var latestActivity: Date

    public init(scores: ScoreDelta, gatesMet: Bool, noTimeline: Bool, hardStop: Bool, directRequest: String?,
                inactivity: Inactivity.Inputs, latestActivity: Date) {
        self.scores = scores
        self.gatesMet = gatesMet
        self.noTimeline = noTimeline
        self.hardStop = hardStop
        self.directRequest = directRequest
        self.inactivity = inactivity
        self.latestActivity = latestActivity
    }

    /// The basis of a record's scoring.
    public init(_ s: VerdictEngine.Scoring, record: QualificationRecord) {
        var scores = s.scores
        if let decay = s.decay { scores[decay.kind] -= decay.points }
        self.init(scores: scores, gatesMet: s.gates.allSatisfy(\.met), noTimeline: s.flags.contains(where: \.isNoTimeline),
                  hardStop: !s.stops.isEmpty, directRequest: s.directRequest?.description, inactivity: s.inactivity,
                  latestActivity: record.latestActivity)
    }
}

extension QualificationRecord {
    /// The newest of the lead's creation, its answers, signals and calls.
    public var latestActivity: Date {
        var latest = lead.createdAt
        if let a = lastAnswerAt, a > latest { latest = a }
        for s in signals where s.at > latest { latest = s.at }
        for c in calls where c.at > latest { latest = c.at }
        return latest
    }
}

extension VerdictEngine {
    /// The standing a basis gives under `profile` at `now`: the verdict's kind, MQL rule and
    /// bands, decided by the same rules as `judge`, with the inactivity line of `now` added.
    public static func standing(_ b: VerdictBasis, catalog: Catalog, profile: Profile, now: Date) -> VerdictStanding {
        var scores = b.scores
        if let decay = Inactivity.line(b.inactivity, catalog: catalog, now: now) { scores[decay.kind] += decay.points }
        let (mql, reason) = mqlRule(scores, profile: profile, directRequest: b.directRequest)
        let kind = decide(fit: scores.fit, gatesMet: b.gatesMet, noTimeline: b.noTimeline, hardStop: b.hardStop, profile: profile)
        return VerdictStanding(profile: profile.id, kind: kind, mql: mql, mqlReason: reason, scores: scores,
                               bands: bands(scores, profile: profile))
    }
}
