import Foundation

/// What the follow-up rules read of a lead (`DueList.item`, `SLAReport`): its id, organisation,
/// owner, stage, consent, MQL moment and re-qualification mark, without the rest of the record,
/// so the whole-book reads behind `due` and `report sla` decode only these columns.
public struct FollowUpLead: Sendable, Equatable {
    public var id: Int64
    /// Shown in `due`'s list; empty in the records read only to count (`forEachFollowUpInputToCount`).
    public var org: String
    public var owner: String?
    public var stage: Stage
    public var consent: Consent
    public var mqlAt: Date?
    public var requalify: RequalifyMark?

    public init(id: Int64, org: String, owner: String?, stage: Stage, consent: Consent, mqlAt: Date? = nil,
                requalify: RequalifyMark? = nil) {
        self.id = id
        self.org = org
        self.owner = owner
        self.stage = stage
        self.consent = consent
        self.mqlAt = mqlAt
        self.requalify = requalify
    }

    /// The fields of `lead` the follow-up rules read.
    public init(_ lead: Lead) {
        self.init(id: lead.id, org: lead.org, owner: lead.owner, stage: lead.stage, consent: lead.consent,
                  mqlAt: lead.mqlAt, requalify: lead.requalify)
    }
}
