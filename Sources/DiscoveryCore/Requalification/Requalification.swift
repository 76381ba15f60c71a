import Foundation

/// What happened that may bring a lead back (SPEC §11).
public enum RequalifyEvent: Sendable, Equatable {
    /// A signal arrived; `requalify` is its `signals.yaml` mark.
    case signal(kind: String, requalify: Bool)
    /// A contact was added to the lead.
    case newContact(name: String)
    /// An answer to `question` was recorded; `flagsBefore` are the verdict's flags before it.
    case answer(question: String, flagsBefore: [String])
}

/// The re-qualification rules (SPEC §11): pure, so every command marks leads alike.
public enum Requalification {
    /// The stages a lead can be brought back from.
    public static let stages: Set<Stage> = [.nurture, .disqualified, .closedLost]
    /// A marked lead is due for a look within this many business days.
    public static let dueBusinessDays = 1

    /// Whether the lead may be marked: nurtured, lost, or disqualified unless its hard stop (an
    /// answer that still disqualifies it) or its missing consent still stands.
    public static func isEligible(_ lead: Lead, verdict: Verdict) -> Bool {
        guard stages.contains(lead.stage) else { return false }
        guard lead.stage == .disqualified else { return true }
        if !verdict.hardStops.isEmpty { return false }
        if lead.stageReason == .noConsent && lead.consent != .yes { return false }
        return true
    }

    /// The trigger to record when `event` marks the lead (`verdict`: after the event); `nil`
    /// when it does not: not eligible, already marked, or not a sign of new interest.
    public static func trigger(_ event: RequalifyEvent, lead: Lead, verdict: Verdict) -> String? {
        guard lead.requalify == nil, isEligible(lead, verdict: verdict) else { return nil }
        switch event {
        case .signal(let kind, let requalify):
            return requalify ? "signal \(kind)" : nil
        case .newContact(let name):
            return "new contact \(name)"
        case .answer(let question, let before):
            let cleared = before.contains(noTimeline) && !verdict.flagNames.contains(noTimeline)
            return cleared ? "answer \(question) cleared \(noTimeline)" : nil
        }
    }

    static let noTimeline = "no-timeline"

    /// When a marked lead is due: one business day after it was marked.
    public static func due(_ mark: RequalifyMark) -> Date {
        BusinessTime.adding(businessDays: dueBusinessDays, to: mark.at)
    }
}
