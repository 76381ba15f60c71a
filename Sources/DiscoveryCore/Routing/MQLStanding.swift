/// Where the MQL rule still moves a lead by itself (SPEC §11).
public enum MQLStanding {
    /// Stages sales has accepted: losing the MQL rule does not move them (`status` notes it).
    public static let acceptedStages: Set<Stage> = [.sal, .sql, .opportunity]

    /// How the stage note of a move the MQL rule made begins.
    public static let automaticNotePrefix = "automatic: "

    /// Whether the lead is in `mql` because the rule put it there (its stage note says so):
    /// only such a lead goes back to `new` when it stops meeting the rule. A lead a person moved
    /// to `mql` stays: that was their decision.
    public static func isAutomaticMQL(_ lead: Lead) -> Bool {
        lead.stage == .mql && (lead.stageNote?.hasPrefix(automaticNotePrefix) ?? false)
    }
}
