import Foundation

/// Where a deadline stands at a given moment.
public enum SLAState: String, CaseIterable, Sendable, Codable {
    /// Done at or before the deadline.
    case met
    /// Not done yet; the deadline falls before the end of today (UTC).
    case due
    /// Done after the deadline, or not done and the deadline has passed.
    case breached
    /// Not done yet; the deadline is after today.
    case open

    /// The state of a deadline that was met at `doneAt` (or not yet, `nil`), seen at `now`.
    public static func of(deadline: Date, doneAt: Date?, now: Date) -> SLAState {
        if let doneAt { return doneAt <= deadline ? .met : .breached }
        if now > deadline { return .breached }
        return deadline < BusinessTime.endOfDay(now) ? .due : .open
    }
}

/// The first-attempt SLA of a lead that reached `mql`: a call within 24 business hours of
/// `mql_at`, or within 4 business hours when it carries a `priority: high` signal. A high
/// signal that arrives after `mql_at` starts its own 4-hour window from its arrival; the
/// earliest deadline applies.
public struct FirstAttemptSLA: Sendable, Equatable {
    public static let standardHours = 24
    public static let priorityHours = 4

    /// When the SLA clock started: the lead's `mql_at`.
    public let start: Date
    public let deadline: Date
    /// 24 or 4.
    public let windowHours: Int
    /// The high-priority signal that set the deadline, if one did.
    public let prioritySignal: String?

    /// `highPrioritySignals`: the lead's signals whose kind is `priority: high`, any time.
    public init(mqlAt: Date, highPrioritySignals: [SignalEvent]) {
        var deadline = BusinessTime.adding(hours: Self.standardHours, to: mqlAt)
        var hours = Self.standardHours
        var signal: String?
        for s in highPrioritySignals.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) {
            let candidate = BusinessTime.adding(hours: Self.priorityHours, to: max(mqlAt, s.at))
            if candidate < deadline {
                deadline = candidate
                hours = Self.priorityHours
                signal = s.kind
            }
        }
        self.start = mqlAt
        self.deadline = deadline
        self.windowHours = hours
        self.prioritySignal = signal
    }

    /// met / due / breached / open for a lead whose first attempt after `mql_at` was `firstAttempt`.
    public func state(firstAttempt: Date?, now: Date) -> SLAState {
        SLAState.of(deadline: deadline, doneAt: firstAttempt, now: now)
    }
}
