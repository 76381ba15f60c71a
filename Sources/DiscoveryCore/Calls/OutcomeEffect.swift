import Foundation

/// What a call outcome asks for next (SPEC §5, "default follow-up").
public enum FollowUpRule: Sendable, Equatable {
    /// The conversation happened: a next step with an owner and a due date must be recorded.
    case nextStepRequired
    /// A meeting was booked: it is the next step, to be recorded as one.
    case meetingIsNextStep
    /// Call again after this many business days (Saturday and Sunday do not count).
    case retryBusinessDays(Int)
    /// Call again after this many business hours.
    case retryHours(Int)
    /// Call again at the time the contact gave, else after this many business days.
    case atGivenTime(elseBusinessDays: Int)
    /// The number was wrong: fix the contact data, then call again.
    case fixContactData
    /// The lead moves to `nurture`, or to `disqualified` when a reason code is given.
    case stageChange
}

/// The default effect of one call outcome: one row of the outcome table.
public struct OutcomeEffect: Sendable, Equatable {
    public let outcome: CallOutcome
    /// Counts towards the lead's attempts (and meets the first-attempt SLA).
    public let countsAsAttempt: Bool
    /// A person at the lead was reached.
    public let connected: Bool
    public let followUp: FollowUpRule

    /// The whole table, in the order of SPEC §5. `docs/calls-and-sla.md` shows it.
    public static let table: [OutcomeEffect] = CallOutcome.allCases.map(\.effect)

    /// How long the follow-ups that have no time of their own wait (record the next step,
    /// fix the contact data).
    public static let defaultFollowUpBusinessDays = 1

    /// When the follow-up of a call that ended at `ended` falls due. `requested` is a time the
    /// rep gave (`--due`); it wins over the default. `nil`: the outcome has no follow-up.
    public func followUpDue(after ended: Date, requested: Date?) -> Date? {
        switch followUp {
        case .stageChange:
            return nil
        case .retryHours(let hours):
            return requested ?? BusinessTime.adding(hours: hours, to: ended)
        case .retryBusinessDays(let days), .atGivenTime(elseBusinessDays: let days):
            return requested ?? BusinessTime.adding(businessDays: days, to: ended)
        case .nextStepRequired, .meetingIsNextStep, .fixContactData:
            return requested ?? BusinessTime.adding(businessDays: Self.defaultFollowUpBusinessDays, to: ended)
        }
    }

    /// The stage a call with this outcome moves the lead to, with its reason code; `nil`: no move.
    public func stageChange(reason: ReasonCode?) -> (stage: Stage, reason: ReasonCode?)? {
        guard followUp == .stageChange else { return nil }
        return reason.map { (.disqualified, $0) } ?? (.nurture, nil)
    }

    /// What the rep has to do next, as shown in `call`, `calls` and `due`.
    public var followUpText: String {
        switch followUp {
        case .nextStepRequired: return "record the next step"
        case .meetingIsNextStep: return "record the meeting as the next step"
        case .retryBusinessDays(let n): return "call again (\(n) business day\(n == 1 ? "" : "s") after \(outcome.rawValue))"
        case .retryHours(let n): return "call again (\(n) hours after \(outcome.rawValue))"
        case .atGivenTime: return "call back as agreed"
        case .fixContactData: return "fix the contact data, then call again"
        case .stageChange: return "none"
        }
    }

    /// The "default follow-up" cell of the outcome table.
    public var followUpRuleText: String {
        switch followUp {
        case .nextStepRequired: return "next step required"
        case .meetingIsNextStep: return "the meeting is the next step"
        case .retryBusinessDays(let n): return "retry in \(n) business day\(n == 1 ? "" : "s")"
        case .retryHours(let n): return "retry in \(n) hours"
        case .atGivenTime(let n): return "at the time given, else \(n) business day\(n == 1 ? "" : "s")"
        case .fixContactData: return "fix contact data"
        case .stageChange: return "stage `nurture` or `disqualified` with reason"
        }
    }
}

extension CallOutcome {
    /// The outcome table of SPEC §5: the one place these rules are written down.
    public var effect: OutcomeEffect {
        switch self {
        case .connected:     return .init(outcome: self, countsAsAttempt: true, connected: true, followUp: .nextStepRequired)
        case .meetingBooked: return .init(outcome: self, countsAsAttempt: true, connected: true, followUp: .meetingIsNextStep)
        case .voicemail:     return .init(outcome: self, countsAsAttempt: true, connected: false, followUp: .retryBusinessDays(1))
        case .noAnswer:      return .init(outcome: self, countsAsAttempt: true, connected: false, followUp: .retryBusinessDays(1))
        case .busy:          return .init(outcome: self, countsAsAttempt: true, connected: false, followUp: .retryHours(4))
        case .gatekeeper:    return .init(outcome: self, countsAsAttempt: true, connected: false, followUp: .retryBusinessDays(1))
        case .callBackLater: return .init(outcome: self, countsAsAttempt: true, connected: true, followUp: .atGivenTime(elseBusinessDays: 1))
        case .wrongNumber:   return .init(outcome: self, countsAsAttempt: true, connected: false, followUp: .fixContactData)
        case .notInterested: return .init(outcome: self, countsAsAttempt: true, connected: true, followUp: .stageChange)
        }
    }
}
