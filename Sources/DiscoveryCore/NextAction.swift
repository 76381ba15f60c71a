/// The controlled list of next-step actions (SPEC §8).
public enum NextAction: String, CaseIterable, Sendable, Codable {
    case demo
    case technicalReview = "technical-review"
    case evidenceReview = "evidence-review"
    case securityReview = "security-review"
    case procurementIntro = "procurement-intro"
    case requestEndCustomerInfo = "request-end-customer-info"
    case requestConsent = "request-consent"
    case verifyFit = "verify-fit"
    case scheduleFollowUp = "schedule-follow-up"
    case nurture
    case disqualify

}

extension NextAction: FixedListValue {
    public static let valueName = "action"
    public static let listName = "Actions"
}
