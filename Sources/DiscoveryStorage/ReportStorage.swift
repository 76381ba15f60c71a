import DiscoveryCore
import Foundation

/// The records `due` and `report sla` work from; the rules that turn them into items live in
/// `DiscoveryCore.DueList`.
public struct FollowUpInputs: Sendable {
    public var firstAttempts: [FirstAttemptCandidate]
    public var retries: [RetryCandidate]
    public var nextSteps: [(Lead, NextStep)]

    public init(firstAttempts: [FirstAttemptCandidate], retries: [RetryCandidate], nextSteps: [(Lead, NextStep)]) {
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
    /// Leads that reached `mql` (in `stages`, when given; since `mqlSince`, when given; owned by
    /// `owner`, when given), each with its first call at or after `mqlAt` and its signals, in id order.
    func firstAttemptCandidates(stages: Set<Stage>?, mqlSince: Date?, owner: String?) throws(DiscoveryError) -> [FirstAttemptCandidate]
    /// Everything `due` needs: first attempts still waiting, each lead's latest call when it
    /// asks for a follow-up due before `before`, and open next steps due before `before`. With
    /// `owner`, only what `DueList` would give that owner (the lead's owner for a first
    /// attempt, the caller for a retry, the step's owner or else the lead's for a next step).
    func followUpInputs(before: Date, owner: String?) throws(DiscoveryError) -> FollowUpInputs
    /// Calls `body` once per lead, in id order, with its contacts, keeping memory flat however
    /// many leads there are. With `stage`, only leads at that stage. Returns the number of leads.
    /// An error thrown by `body` (a full disk) ends the read and is rethrown.
    @discardableResult
    func forEachLeadWithContacts(stage: Stage?, _ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int
}

extension ReportStorage {
    public func followUpInputs(before: Date) throws(DiscoveryError) -> FollowUpInputs {
        try followUpInputs(before: before, owner: nil)
    }

    @discardableResult
    public func forEachLeadWithContacts(_ body: (Lead, [Contact]) throws -> Void) throws(DiscoveryError) -> Int {
        try forEachLeadWithContacts(stage: nil, body)
    }
}
