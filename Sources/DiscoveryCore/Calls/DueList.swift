import Foundation

/// One thing a rep has to do, with its deadline: a first attempt, a call retry or a next step.
public struct DueItem: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
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

    public init(leadId: Int64, org: String, owner: String?, kind: Kind, what: String, since: Date, due: Date, state: SLAState) {
        self.leadId = leadId
        self.org = org
        self.owner = owner
        self.kind = kind
        self.what = what
        self.since = since
        self.due = due
        self.state = state
    }
}

/// A lead that reached `mql` (what the follow-up rules read of it), with its first call after
/// `mql_at` (if any), the last call that began before `mql_at` (if any) and its signals (those
/// the read asked for: all of them, or only the kinds the SLA counts).
public struct FirstAttemptCandidate: Sendable, Equatable {
    public var lead: FollowUpLead
    /// The first call that began at or after `mql_at`.
    public var firstAttempt: Date?
    /// The latest call that began before `mql_at`: when it was still in progress at that
    /// moment (a lead that became an MQL during a call), that call is the first attempt.
    public var callBeforeMQL: Call?
    public var signals: [SignalEvent]
    public init(lead: FollowUpLead, firstAttempt: Date?, callBeforeMQL: Call? = nil, signals: [SignalEvent]) {
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
public struct RetryCandidate: Sendable, Equatable {
    public var lead: FollowUpLead
    public var call: FollowUpCall
    public var hasOpenNextStep: Bool
    public init(lead: FollowUpLead, call: FollowUpCall, hasOpenNextStep: Bool) {
        self.lead = lead
        self.call = call
        self.hasOpenNextStep = hasOpenNextStep
    }
}

/// One record the `due` list is made from, as the storage hands it out.
public enum FollowUpInput: Sendable, Equatable {
    /// A lead marked for re-qualification.
    case requalify(FollowUpLead)
    /// A lead that reached `mql` and may still wait for its first call.
    case firstAttempt(FirstAttemptCandidate)
    /// A lead's latest call, which asks for a follow-up.
    case retry(RetryCandidate)
    /// An open next step of a lead.
    case nextStep(FollowUpLead, NextStep)
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
    public static func items(firstAttempts: [FirstAttemptCandidate], retries: [RetryCandidate], nextSteps: [(FollowUpLead, NextStep)],
                             requalify: [FollowUpLead] = [], highPriority: Set<String>, now: Date) -> [DueItem] {
        requalify.compactMap { item(.requalify($0), highPriority: highPriority, now: now) }
            + firstAttempts.compactMap { item(.firstAttempt($0), highPriority: highPriority, now: now) }
            + retries.compactMap { item(.retry($0), highPriority: highPriority, now: now) }
            + nextSteps.compactMap { item(.nextStep($0.0, $0.1), highPriority: highPriority, now: now) }
    }

    /// The item one record gives, due or not, with its state at `now`; `nil` when it gives none
    /// (see `items`). The one definition of the rules: the whole-book list, one owner's list and
    /// the start-up counts all go through it, record by record, as the storage hands them out.
    public static func item(_ input: FollowUpInput, highPriority: Set<String>, now: Date) -> DueItem? {
        switch input {
        case .requalify(let lead):
            guard let mark = lead.requalify else { return nil }
            let due = Requalification.due(mark)
            return DueItem(leadId: lead.id, org: lead.org, owner: lead.owner, kind: .requalify,
                           what: "re-qualify (\(lead.stage.rawValue); \(mark.trigger))", since: mark.at, due: due,
                           state: SLAState.of(deadline: due, doneAt: nil, now: now))
        case .firstAttempt(let c):
            guard c.firstAttemptAt == nil && c.lead.consent != .no && firstAttemptStages.contains(c.lead.stage),
                  let sla = c.sla(highPriority: highPriority) else { return nil }
            let what = "first call (\(sla.windowHours) h SLA\(sla.prioritySignal.map { ", \($0)" } ?? ""))"
            return DueItem(leadId: c.lead.id, org: c.lead.org, owner: c.lead.owner, kind: .firstAttempt, what: what,
                           since: sla.start, due: sla.deadline, state: sla.state(firstAttempt: nil, now: now))
        case .retry(let r):
            guard r.lead.consent != .no && !closedForCalls.contains(r.lead.stage),
                  let outcome = r.call.outcome, let due = r.call.followUpDue else { return nil }
            let effect = outcome.effect
            let needsStep = effect.followUp == .nextStepRequired || effect.followUp == .meetingIsNextStep
            if needsStep && r.hasOpenNextStep { return nil }
            return DueItem(leadId: r.lead.id, org: r.lead.org, owner: r.call.actor, kind: .retry, what: effect.followUpText,
                           since: r.call.endedAt ?? r.call.at, due: due, state: SLAState.of(deadline: due, doneAt: nil, now: now))
        case .nextStep(let lead, let step):
            guard step.doneAt == nil && !closedForSteps.contains(lead.stage), let due = step.due else { return nil }
            // Next steps are due on a day: overdue once that day has ended.
            let deadline = BusinessTime.endOfDay(due).addingTimeInterval(-1)
            let what = step.action.rawValue + (step.note.map { ": \($0)" } ?? "")
            return DueItem(leadId: lead.id, org: lead.org, owner: step.owner ?? lead.owner, kind: .nextStep, what: what,
                           since: step.setAt, due: deadline, state: SLAState.of(deadline: deadline, doneAt: nil, now: now))
        }
    }

    /// Whether `due` lists `item`: overdue or due today, and `owner`'s when one is given.
    public static func lists(_ item: DueItem, owner: String? = nil) -> Bool {
        (item.state == .breached || item.state == .due) && (owner == nil || item.owner == owner)
    }

    /// How many items `due` lists, and how many of them are overdue: what the shell's start-up
    /// line says, counted with the same rules as the list (`lists`) without keeping the items.
    public struct Counts: Sendable, Equatable {
        public var listed = 0
        public var overdue = 0
        public init() {}

        public mutating func add(_ item: DueItem, owner: String?) {
            guard DueList.lists(item, owner: owner) else { return }
            listed += 1
            if item.state == .breached { overdue += 1 }
        }
    }

    /// Overdue first (the longest overdue on top), then due today (the soonest on top).
    /// Items due after today are left out.
    public static func due(_ items: [DueItem], owner: String? = nil) -> [DueItem] {
        sortedForList(items.filter { lists($0, owner: owner) })
    }

    /// The order of `due`: overdue before due today, then by deadline, lead and kind.
    public typealias ListKey = (Int, Date, Int64, Int)

    public static func listKey(_ item: DueItem) -> ListKey {
        (item.state == .breached ? 0 : 1, item.due, item.leadId, kindOrder(item.kind))
    }

    /// Whether the item of key `a`, placed `i`-th, comes before the one of key `b`, placed
    /// `j`-th: the lesser key, and of equal keys the earlier place (a stable order).
    public static func precedes(_ a: ListKey, _ i: Int, _ b: ListKey, _ j: Int) -> Bool {
        (a.0, a.1, a.2, a.3, i) < (b.0, b.1, b.2, b.3, j)
    }

    /// `items` in list order (`listKey`; items of equal keys in the order given).
    public static func sortedForList(_ items: [DueItem]) -> [DueItem] {
        var sorted = items
        sortForList(&sorted)
        return sorted
    }

    /// Puts `items` in list order (`listKey`; items of equal keys in the order given), sorted
    /// by their keys, then each item moved once to its place by swaps: no item (three strings)
    /// is copied, so none is retained and released.
    public static func sortForList(_ items: inout [DueItem]) {
        let keys = items.map(listKey)
        let order = keys.indices.sorted { i, j in precedes(keys[i], i, keys[j], j) }
        // Place `k` takes the item at `order[k]`: each cycle of the permutation is followed
        // from its first place, one swap per step (the buffer's swaps move the items; the
        // array's copy one out and back).
        var placed = [Bool](repeating: false, count: order.count)
        items.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var k = start
                while true {
                    placed[k] = true
                    let from = order[k]
                    if from == start { break }
                    buffer.swapAt(k, from)
                    k = from
                }
            }
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
