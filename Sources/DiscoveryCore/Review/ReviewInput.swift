import Foundation

/// One MQL as the review sees it: when it became one, its cohorts, how far it went and how fast.
public struct ReviewInput: Sendable, Equatable {
    public var leadId: Int64
    /// When the lead first reached `mql`.
    public var mqlAt: Date
    /// The lead's value per cohort dimension; absent (or empty) counts as `none`.
    public var cohorts: [ReviewDimension: String]
    /// When the lead first reached each later funnel stage (`sal`, `sql`, `opportunity`).
    public var reached: [Stage: Date]
    /// The first call at or after `mqlAt`.
    public var firstAttemptAt: Date?
    /// Sales' rejections of this MQL, oldest first.
    public var rejections: [RejectionReason]

    public init(leadId: Int64, mqlAt: Date, cohorts: [ReviewDimension: String] = [:], reached: [Stage: Date] = [:],
                firstAttemptAt: Date? = nil, rejections: [RejectionReason] = []) {
        self.leadId = leadId
        self.mqlAt = mqlAt
        self.cohorts = cohorts
        self.reached = reached
        self.firstAttemptAt = firstAttemptAt
        self.rejections = rejections
    }

    /// The cohort this MQL falls in along `dimension`.
    public func cohort(_ dimension: ReviewDimension) -> String {
        guard let value = cohorts[dimension], !value.isEmpty else { return "none" }
        return value
    }

    /// The funnel stages after `mql`, in order.
    public static let laterStages: [Stage] = [.sal, .sql, .opportunity]

    /// Whether the MQL reached `stage` or a later funnel stage (a lead moved straight to `sql`
    /// was accepted too).
    public func reachedStage(_ stage: Stage) -> Bool {
        guard let i = Self.laterStages.firstIndex(of: stage) else { return stage == .mql }
        return Self.laterStages[i...].contains { reached[$0] != nil }
    }

    /// When the MQL first reached `stage` or, skipping it, a later one.
    public func reachedAt(_ stage: Stage) -> Date? {
        guard let i = Self.laterStages.firstIndex(of: stage) else { return nil }
        return Self.laterStages[i...].compactMap { reached[$0] }.min()
    }

    /// Accepted by sales: it reached `sal` or beyond.
    public var accepted: Bool { reachedStage(.sal) }
    /// Sent back by sales at least once, and never accepted.
    public var rejected: Bool { !accepted && !rejections.isEmpty }
}
