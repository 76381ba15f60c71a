/// The outcome of one call, as an SDR logs it (SPEC §5).
public enum CallOutcome: String, CaseIterable, Sendable, Codable {
    case connected
    case meetingBooked = "meeting-booked"
    case voicemail
    case noAnswer = "no-answer"
    case busy
    case gatekeeper
    case callBackLater = "call-back-later"
    case wrongNumber = "wrong-number"
    case notInterested = "not-interested"
}

extension CallOutcome: FixedListValue {
    public static let valueName = "outcome"
    public static let listName = "Outcomes"
}
