import DiscoveryCore

/// The one table that maps our stages and consent to HubSpot and Salesforce values.
/// `docs/crm-mapping.md` shows the same table; a test checks that the two agree.
public enum CRMMapping {
    /// What one stage becomes in each CRM.
    public struct StageRow: Sendable, Equatable {
        public let stage: Stage
        /// HubSpot `lifecyclestage` (internal value of a default option).
        public let lifecycleStage: String
        /// HubSpot `hs_lead_status` (internal value of a default option).
        public let hubSpotLeadStatus: String
        /// Salesforce Lead `Status` (a value of the default picklist).
        public let salesforceStatus: String
        /// Salesforce Lead `Rating` (default picklist: Hot, Warm, Cold).
        public let salesforceRating: String
    }

    /// In stage order. Edit here and in `docs/crm-mapping.md` together.
    public static let stages: [StageRow] = [
        StageRow(stage: .new, lifecycleStage: "lead", hubSpotLeadStatus: "NEW",
                 salesforceStatus: "Open - Not Contacted", salesforceRating: "Cold"),
        StageRow(stage: .mql, lifecycleStage: "marketingqualifiedlead", hubSpotLeadStatus: "OPEN",
                 salesforceStatus: "Open - Not Contacted", salesforceRating: "Warm"),
        StageRow(stage: .sal, lifecycleStage: "marketingqualifiedlead", hubSpotLeadStatus: "IN_PROGRESS",
                 salesforceStatus: "Working - Contacted", salesforceRating: "Warm"),
        StageRow(stage: .sql, lifecycleStage: "salesqualifiedlead", hubSpotLeadStatus: "CONNECTED",
                 salesforceStatus: "Working - Contacted", salesforceRating: "Hot"),
        // Not `Closed - Converted`: a lead never converted in Salesforce is not written as converted.
        StageRow(stage: .opportunity, lifecycleStage: "opportunity", hubSpotLeadStatus: "OPEN_DEAL",
                 salesforceStatus: "Working - Contacted", salesforceRating: "Hot"),
        StageRow(stage: .nurture, lifecycleStage: "lead", hubSpotLeadStatus: "BAD_TIMING",
                 salesforceStatus: "Working - Contacted", salesforceRating: "Cold"),
        StageRow(stage: .disqualified, lifecycleStage: "other", hubSpotLeadStatus: "UNQUALIFIED",
                 salesforceStatus: "Closed - Not Converted", salesforceRating: "Cold"),
        StageRow(stage: .closedLost, lifecycleStage: "other", hubSpotLeadStatus: "UNQUALIFIED",
                 salesforceStatus: "Closed - Not Converted", salesforceRating: "Cold"),
    ]

    public static func row(for stage: Stage) -> StageRow {
        // The table lists every stage; a test holds it to that.
        stages.first { $0.stage == stage } ?? stages[0]
    }

    /// The stage an imported HubSpot `lifecyclestage` stands for: the first row of the table
    /// with that value whose stage needs no reason code (`other` maps to nothing: a
    /// disqualification needs its reason). `subscriber` counts as `lead`.
    /// Labels as HubSpot exports them ("Marketing Qualified Lead") read as the internal value.
    public static func stage(forLifecycleStage value: String) -> Stage? {
        let key = String(value.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
        let v = key == "subscriber" ? "lead" : key
        return stages.first { $0.lifecycleStage == v && !$0.stage.requiresReason }?.stage
    }

    /// HubSpot's default lifecycle stages in their order: an import only moves a contact
    /// forward along it (HubSpot, "Use lifecycle stages"); `other` comes last.
    public static let hubSpotLifecycleOrder = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead",
                                               "opportunity", "customer", "evangelist", "other"]

    /// The `lifecyclestage` to write for `lead`, or `nil` when it would move the contact
    /// backward: a lead that reached MQL (`mqlAt`) and is now `nurture` (`lead`) keeps its
    /// HubSpot stage; `hs_lead_status` carries the change.
    public static func hubSpotLifecycleToWrite(for lead: Lead) -> String? {
        let value = row(for: lead.stage).lifecycleStage
        guard lead.mqlAt != nil, let mql = hubSpotLifecycleOrder.firstIndex(of: "marketingqualifiedlead"),
              let at = hubSpotLifecycleOrder.firstIndex(of: value) else { return value }
        return at < mql ? nil : value
    }

    /// The consent that holds for a person: `no` from the lead or the contact wins; otherwise
    /// the contact's own answer, else the lead's.
    public static func effectiveConsent(lead: Consent, contact: Consent?) -> Consent {
        if lead == .no || contact == .no { return .no }
        if let contact, contact != .unknown { return contact }
        return lead
    }

    /// Salesforce `DoNotCall` / `HasOptedOutOfEmail`: `true` when consent is `no` (no contact
    /// at all) or the person's own fact (do not call, opted out of email) holds.
    public static func salesforceOptOut(_ consent: Consent, fact: Bool = false) -> String {
        consent == .no || fact ? "true" : "false"
    }
}
