import Foundation

/// One thing a rep has to do, with its deadline: a first attempt, a call retry or a next step.
public struct DueItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case firstAttempt = "first-attempt"
        case retry
        case nextStep = "next-step"
        case requalify
    }
    public var leadId: Int64
    public var org: String
    public var owner: String?
    public var kind: Kind
    /// What is due, e.g. `first call (4 h SLA, demo-request)`.
    public var what: String
    /// When it arose: `mql_at`, the call that asked for it, or when the step was set.
    public var since: Date
    public var due: Date
    public var state: SLAState
}

/// A lead that reached `mql`, with its first call after `mql_at` (if any), the last call that
/// began before `mql_at` (if any) and its signals.
public struct FirstAttemptCandidate: Sendable {
    public var lead: Lead
    /// The first call that began at or after `mql_at`.
    public var firstAttempt: Date?
    /// The latest call that began before `mql_at`: when it was still in progress at that
    /// moment (a lead that became an MQL during a call), that call is the first attempt.
    public var callBeforeMQL: Call?
    public var signals: [SignalEvent]
    public init(lead: Lead, firstAttempt: Date?, callBeforeMQL: Call? = nil, signals: [SignalEvent]) {
        self.lead = lead
        self.firstAttempt = firstAttempt
        self.callBeforeMQL = callBeforeMQL
        self.signals = signals
    }

    /// When the first attempt after the MQL moment was made: the MQL moment itself when a call
    /// was in progress then, else the first call at or after it; `nil` when none was.
    public var firstAttemptAt: Date? {
        if let mqlAt = lead.mqlAt, let call = callBeforeMQL, call.wasInProgress(at: mqlAt) { return mqlAt }
        return firstAttempt
    }

    /// The lead's SLA, given which signal kinds are `priority: high`; `nil` before `mql`.
    public func sla(highPriority: Set<String>) -> FirstAttemptSLA? {
        lead.mqlAt.map { FirstAttemptSLA(mqlAt: $0, highPrioritySignals: signals.filter { highPriority.contains($0.kind) }) }
    }
}

/// A lead's latest call, which asks for a follow-up, and whether an open next step exists.
public struct RetryCandidate: Sendable {
    public var lead: Lead
    public var call: Call
    public var hasOpenNextStep: Bool
    public init(lead: Lead, call: Call, hasOpenNextStep: Bool) {
        self.lead = lead
        self.call = call
        self.hasOpenNextStep = hasOpenNextStep
    }
}

/// Builds the `due` list: what is overdue or due today, and for whom.
public enum DueList {
    /// Stages in which a lead still waits for its first call.
    public static let firstAttemptStages: Set<Stage> = [.mql, .sal]
    /// Stages in which call retries are no longer due (the lead left active selling).
    public static let closedForCalls: Set<Stage> = [.nurture, .disqualified, .closedLost]
    /// Stages in which open next steps are no longer due.
    public static let closedForSteps: Set<Stage> = [.disqualified, .closedLost]

    /// Every item, due or not, with its state at `now`. Leads whose consent is `no` get no
    /// outreach: no first attempt and no retry. A lead marked for re-qualification is due for
    /// a look one business day after it was marked.
    public static func items(firstAttempts: [FirstAttemptCandidate], retries: [RetryCandidate], nextSteps: [(Lead, NextStep)],
                             requalify: [Lead] = [], highPriority: Set<String>, now: Date) -> [DueItem] {
        var items: [DueItem] = []
        for lead in requalify {
            guard let mark = lead.requalify else { continue }
            let due = Requalification.due(mark)
            items.append(DueItem(leadId: lead.id, org: lead.org, owner: lead.owner, kind: .requalify,
                                 what: "re-qualify (\(lead.stage.rawValue); \(mark.trigger))", since: mark.at, due: due,
                                 state: SLAState.of(deadline: due, doneAt: nil, now: now)))
        }
        for c in firstAttempts where c.firstAttemptAt == nil && c.lead.consent != .no && firstAttemptStages.contains(c.lead.stage) {
            guard let sla = c.sla(highPriority: highPriority) else { continue }
            let what = "first call (\(sla.windowHours) h SLA\(sla.prioritySignal.map { ", \($0)" } ?? ""))"
            items.append(DueItem(leadId: c.lead.id, org: c.lead.org, owner: c.lead.owner, kind: .firstAttempt, what: what,
                                 since: sla.start, due: sla.deadline, state: sla.state(firstAttempt: nil, now: now)))
        }
        for r in retries where r.lead.consent != .no && !closedForCalls.contains(r.lead.stage) {
            guard let outcome = r.call.outcome, let due = r.call.followUpDue else { continue }
            let effect = outcome.effect
            let needsStep = effect.followUp == .nextStepRequired || effect.followUp == .meetingIsNextStep
            if needsStep && r.hasOpenNextStep { continue }
            items.append(DueItem(leadId: r.lead.id, org: r.lead.org, owner: r.call.actor, kind: .retry, what: effect.followUpText,
                                 since: r.call.endedAt ?? r.call.at, due: due, state: SLAState.of(deadline: due, doneAt: nil, now: now)))
        }
        for (lead, step) in nextSteps where step.doneAt == nil && !closedForSteps.contains(lead.stage) {
            guard let due = step.due else { continue }
            // Next steps are due on a day: overdue once that day has ended.
            let deadline = BusinessTime.endOfDay(due).addingTimeInterval(-1)
            let what = step.action.rawValue + (step.note.map { ": \($0)" } ?? "")
            items.append(DueItem(leadId: lead.id, org: lead.org, owner: step.owner ?? lead.owner, kind: .nextStep, what: what,
                                 since: step.setAt, due: deadline, state: SLAState.of(deadline: deadline, doneAt: nil, now: now)))
        }
        return items
    }

    /// Overdue first (the longest overdue on top), then due today (the soonest on top).
    /// Items due after today are left out.
    public static func due(_ items: [DueItem], owner: String? = nil) -> [DueItem] {
        let rank: [SLAState: Int] = [.breached: 0, .due: 1]
        return items
            .filter { rank[$0.state] != nil && (owner == nil || $0.owner == owner) }
            .sorted { a, b in
                let ka = (rank[a.state] ?? 2, a.due, a.leadId, kindOrder(a.kind))
                let kb = (rank[b.state] ?? 2, b.due, b.leadId, kindOrder(b.kind))
                return ka < kb
            }
    }

    static func kindOrder(_ k: DueItem.Kind) -> Int {
        switch k {
        case .firstAttempt: return 0
        case .retry: return 1
        case .nextStep: return 2
        case .requalify: return 3
        }
    }
}
