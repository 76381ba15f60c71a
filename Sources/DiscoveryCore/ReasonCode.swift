/// Disqualification and hard-stop reason codes (SPEC §5).
public enum ReasonCode: String, CaseIterable, Sendable, Codable {
    case wrongSpecialty = "wrong-specialty"
    case wrongGeography = "wrong-geography"
    case wrongOrgType = "wrong-org-type"
    case notQualifiedFacility = "not-qualified-facility"
    case noBudget = "no-budget"
    case alreadyCustomer = "already-customer"
    case noResponse = "no-response"
    case decisionProcessNotReady = "decision-process-not-ready"
    case missingEvidence = "missing-evidence"
    case competitorLocked = "competitor-locked"
    case noConsent = "no-consent"
    case timingTooFar = "timing-too-far"
    case noPathToCommittee = "no-path-to-committee"
    case other

    /// `other` says nothing by itself: it needs a note.
    public var requiresNote: Bool { self == .other }
}

extension ReasonCode: FixedListValue {
    public static let valueName = "reason code"
    public static let listName = "Reason codes"
}
