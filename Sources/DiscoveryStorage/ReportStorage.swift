import DiscoveryCore
import Foundation

/// The records `due` and `report sla` work from; the rules that turn them into items live in
/// `DiscoveryCore.DueList`.
public struct FollowUpInputs: Sendable {
    public var firstAttempts: [FirstAttemptCandidate]
    public var retries: [RetryCandidate]
    public var nextSteps: [(FollowUpLead, NextStep)]

    public init(firstAttempts: [FirstAttemptCandidate], retries: [RetryCandidate], nextSteps: [(FollowUpLead, NextStep)]) {
        self.firstAttempts = firstAttempts
        self.retries = retries
        self.nextSteps = nextSteps
    }
}

/// What the whole-book commands read: reports, follow-ups and exports. The computing is in
/// `DiscoveryCore`; these only gather the records.
public protocol ReportStorage: AnyObject, Sendable {
    /// Leads created since `since` (all when `nil`), each with the stages it has been in
    /// according to the audit log. Changes that were undone, and the undos themselves, do not count.
    func pipelineInputs(since: Date?) throws(DiscoveryError) -> [PipelineReport.Input]
    /// Every stage move in the audit log made at or after `since` (all when `nil`), oldest
    /// first (by time, then log order). Changes that were undone, and the undos themselves, do
    /// not count, as for `pipelineInputs`; a move to a stage this version does not know is left out.
    func stageMoves(since: Date?) throws(DiscoveryError) -> [StageMove]
    /// Disqualified leads, moved there since `since` (all when `nil`).
    func disqualifiedLeads(since: Date?) throws(DiscoveryError) -> [Lead]
    /// Finished calls made since `since` (all when `nil`), counted per SDR and outcome.
    func callCounts(since: Date?) throws(DiscoveryError) -> [CallsReport.OutcomeCount]
    /// Calls `body` once per lead that reached `mql` (in `stages`, when given; since `mqlSince`,
    /// when given; owned by `owner`, when given), in id order, with what the follow-up rules
    /// read of it (`FollowUpLead`), its first call at or after `mqlAt`, the latest call that
    /// began before it and its signals (only those of `signalKinds` when given: `report sla`
    /// asks for the `priority: high` kinds), reading cursors: memory stays flat however many
    /// leads there are. An error thrown by `body` ends the read and is rethrown.
    func forEachFirstAttemptCandidate(stages: Set<Stage>?, mqlSince: Date?, owner: String?, signalKinds: Set<String>?,
                                      _ body: (FirstAttemptCandidate) throws -> Void) throws(DiscoveryError)
    /// The leads `forEachFirstAttemptCandidate(stages: nil, mqlSince:, owner: nil, signalKinds: nil)`
    /// gives, in the same order with the same candidates, each with its whole record: what
    /// `report review` reads (its cohorts are the lead's source, specialty and profile).
    func forEachMQLWithLead(mqlSince: Date?, _ body: (Lead, FirstAttemptCandidate) throws -> Void) throws(DiscoveryError)
    /// The leads of `forEachMQLWithLead(mqlSince:)`, in the same order with the same records,
    /// each with its stage moves (those of `stageMoves(since: mqlSince)`, oldest first) and its
    /// rejections (those of `rejections(since: mqlSince)`, oldest first): what `report review`
    /// folds one MQL at a time, in flat memory.
    func forEachReviewMQL(mqlSince: Date?,
                          _ body: (Lead, FirstAttemptCandidate, [StageMove], [Rejection]) throws -> Void) throws(DiscoveryError)
    /// Calls `body` once per record `due` is made from (`DueList.item` turns each into an item):
    /// leads marked for re-qualification, first attempts still waiting (leads in
    /// `DueList.firstAttemptStages`; those with a call since their MQL moment may be left out,
    /// `DueList` gives them no item), each lead's latest call when it asks for a follow-up due
    /// before `before`, and open next steps due before `before`; in no promised order, in flat
    /// memory. With `owner`, only what `DueList` would give that owner (the lead's owner for a
    /// first attempt and a re-qualification, the caller for a retry, the step's owner or else
    /// the lead's for a next step), so one person's list does not read the whole book.
    func forEachFollowUpInput(before: Date, owner: String?, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError)
    /// The records `forEachFollowUpInput(before:owner:)` gives `owner`, as `DueList` needs them
    /// to count (`DueList.Counts`: each item's kind, owner, deadline and state), no more: a
    /// retry's or next step's lead may come with only its id, stage, consent and owner (an
    /// empty organisation, no MQL moment or mark) and a step without its note, so a backend can
    /// answer from small indexes;
    /// records `DueList` gives no item for (a first attempt already made) may be left out.
    /// What the shell's start-up line counts; never for showing the items.
    func forEachFollowUpInputToCount(before: Date, owner: String, _ body: (FollowUpInput) throws -> Void) throws(DiscoveryError)
    /// Calls `body` once per lead, in id order, with its contacts, keeping memory flat however
    /// many leads there are. With `stage`, only leads at that stage. Returns the number of leads.
    /// An error thrown by `body` (a full disk) ends the read and is rethrown.
    @discardableResult
    func forEachLeadWithContacts(stage: Stage?, _ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int
}

extension ReportStorage {
    /// The leads of `forEachFirstAttemptCandidate`, collected.
    public func firstAttemptCandidates(stages: Set<Stage>?, mqlSince: Date?, owner: String?,
                                       signalKinds: Set<String>? = nil) throws(DiscoveryError) -> [FirstAttemptCandidate] {
        var all: [FirstAttemptCandidate] = []
        try forEachFirstAttemptCandidate(stages: stages, mqlSince: mqlSince, owner: owner, signalKinds: signalKinds) { all.append($0) }
        return all
    }

    /// The leads of `forEachMQLWithLead`, collected.
    public func mqlsWithLeads(mqlSince: Date?) throws(DiscoveryError) -> [(lead: Lead, candidate: FirstAttemptCandidate)] {
        var all: [(lead: Lead, candidate: FirstAttemptCandidate)] = []
        try forEachMQLWithLead(mqlSince: mqlSince) { all.append((lead: $0, candidate: $1)) }
        return all
    }

    /// The first attempts, retries and next steps of `forEachFollowUpInput`, collected: first
    /// attempts in lead id order, retries by follow-up time then call id, next steps by due
    /// day then step id.
    public func followUpInputs(before: Date, owner: String? = nil) throws(DiscoveryError) -> FollowUpInputs {
        var inputs = FollowUpInputs(firstAttempts: [], retries: [], nextSteps: [])
        try forEachFollowUpInput(before: before, owner: owner) { input in
            switch input {
            case .requalify: break
            case .firstAttempt(let c): inputs.firstAttempts.append(c)
            case .retry(let r): inputs.retries.append(r)
            case .nextStep(let lead, let step): inputs.nextSteps.append((lead, step))
            }
        }
        inputs.firstAttempts.sort { $0.lead.id < $1.lead.id }
        inputs.retries.sort { ($0.call.followUpDue ?? .distantPast, $0.call.id) < ($1.call.followUpDue ?? .distantPast, $1.call.id) }
        inputs.nextSteps.sort { ($0.1.due ?? .distantPast, $0.1.id) < ($1.1.due ?? .distantPast, $1.1.id) }
        return inputs
    }

    @discardableResult
    public func forEachLeadWithContacts(_ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int {
        try forEachLeadWithContacts(stage: nil, body)
    }
}
