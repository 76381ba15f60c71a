import Foundation

/// The SQL verdict (SPEC §4, §7), decided in this order: hard stop, all gates, no timeline, the rest.
public enum VerdictKind: String, CaseIterable, Sendable, Codable {
    case sqlReady = "sql-ready"
    case notYet = "not-yet"
    case nurture
    case disqualify
}

/// A hard stop: an answer that disqualifies the lead, with the reason code it carries.
public struct HardStop: Sendable, Equatable {
    public var reason: ReasonCode
    public var source: TraceSource
}

/// A flag raised by an answer (`no-timeline`, `technical-open`, ...).
public struct FlagHit: Sendable, Equatable {
    public var name: String
    public var source: TraceSource

    /// The flag that makes a fit lead `nurture` (SPEC §7).
    var isNoTimeline: Bool { name == "no-timeline" }
}

/// Everything the engine concludes about one lead, with the trace that explains it.
/// A pure function of the record, the catalog, the profile and the clock.
public struct Verdict: Sendable, Equatable {
    public var leadId: Int64
    public var profile: String
    public var kind: VerdictKind
    /// Meets the profile's MQL rule.
    public var mql: Bool
    /// Why `mql` is what it is, in one line.
    public var mqlReason: String
    /// Fit, intent and readiness: exactly the sums of `trace`.
    public var scores: ScoreDelta
    /// The band of each score the profile gives thresholds for; intent always has one.
    public var bands: [ScoreKind: BandLevel]
    /// The profile's gates, in profile order.
    public var gates: [GateStatus]
    public var hardStops: [HardStop]
    public var flags: [FlagHit]
    /// Every point, one line per source and score.
    public var trace: [ScoreLine]
    /// Unanswered applicable questions, most decisive first.
    public var askNext: [AskNextItem]

    /// Names of the gates not met, in profile order.
    public var missingGates: [String] { gates.filter { !$0.met }.map(\.name) }

    /// Flag names, each once, in the order first raised.
    public var flagNames: [String] { Self.unique(flags.map(\.name)) }

    /// Hard-stop reason codes, each once.
    public var hardStopReasons: [ReasonCode] { Self.unique(hardStops.map(\.reason)) }

    public func band(_ kind: ScoreKind) -> BandLevel? { bands[kind] }

    /// What the verdict decides, without the reasons behind it.
    public var standing: VerdictStanding {
        VerdictStanding(profile: profile, kind: kind, mql: mql, mqlReason: mqlReason, scores: scores, bands: bands)
    }

    /// `items` without repeats, in first-seen order. A linear scan: the lists are short (a
    /// lead's flags and hard stops, a question's stops, a choice list), and the first use of a
    /// `Set` of a type costs a runtime conformance look-up in every one-shot command.
    static func unique<T: Equatable>(_ items: [T]) -> [T] {
        var kept: [T] = []
        kept.reserveCapacity(items.count)
        for item in items where !kept.contains(item) { kept.append(item) }
        return kept
    }
}
