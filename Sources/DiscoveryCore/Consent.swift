/// Whether a lead or contact agreed to be contacted. `no` forbids every outreach step.
public enum Consent: String, CaseIterable, Sendable, Codable {
    case yes, no, unknown
}
