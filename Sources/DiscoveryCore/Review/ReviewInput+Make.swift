import Foundation

extension ReviewInput {
    /// The review's view of an MQL, from what the store keeps: the whole lead (its cohorts are
    /// its source, specialty and profile), its first attempt and signals (`candidate`, of the
    /// same lead), its stage moves (any order), its rejections and, when known, its fit band.
    /// `nil` for a lead that never reached `mql`.
    public static func make(_ lead: Lead, _ candidate: FirstAttemptCandidate, moves: [StageMove], rejections: [Rejection],
                            fitBand: String? = nil) -> ReviewInput? {
        guard let mqlAt = lead.mqlAt else { return nil }
        var reached: [Stage: Date] = [:]
        for move in moves where move.leadId == lead.id && laterStages.contains(move.to) && move.at >= mqlAt {
            reached[move.to] = min(reached[move.to] ?? move.at, move.at)
        }
        // A lead past `mql` whose move the log does not show (an imported stage) still counts as reached.
        if laterStages.contains(lead.stage), reached[lead.stage] == nil, !laterStages.contains(where: { reached[$0] != nil }) {
            reached[lead.stage] = lead.stageChangedAt
        }
        var cohorts: [ReviewDimension: String] = [:]
        cohorts[.source] = lead.source
        cohorts[.specialty] = lead.specialty
        cohorts[.profile] = lead.profile
        cohorts[.owner] = lead.owner
        cohorts[.signal] = tippingSignal(candidate.signals, mqlAt: mqlAt)
        cohorts[.fitBand] = fitBand
        return ReviewInput(leadId: lead.id, mqlAt: mqlAt, cohorts: cohorts, reached: reached,
                           firstAttemptAt: candidate.firstAttemptAt,
                           rejections: rejections.filter { $0.leadId == lead.id }.sorted { $0.at < $1.at }.map(\.reason))
    }

    /// The signal a lead's MQL is credited to: the newest at or before the MQL moment, else its first one.
    static func tippingSignal(_ signals: [SignalEvent], mqlAt: Date) -> String? {
        let before = signals.filter { $0.at <= mqlAt }
        return (before.max { $0.at < $1.at } ?? signals.min { $0.at < $1.at })?.kind
    }
}
