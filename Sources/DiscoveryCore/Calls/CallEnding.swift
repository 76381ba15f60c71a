import Foundation

/// What `call end` records, the same for every backend: a call ends once, and the audit log
/// gets each field the ending changes (outcome, end, duration, follow-up, and the note when a
/// new one is given).
public enum CallEnding {
    /// The call as `call start` records it: open, so without an outcome, an end or a follow-up
    /// (`check` would refuse to end it otherwise).
    public static func opened(_ call: Call) -> Call {
        var open = call
        open.outcome = nil
        open.endedAt = nil
        open.followUpDue = nil
        return open
    }

    /// Refuses a call that has already ended.
    public static func check(_ call: Call) throws(DiscoveryError) {
        guard call.outcome == nil && call.endedAt == nil else {
            throw .failed("call #\(call.id) on L\(call.leadId) has already ended")
        }
    }

    /// The fields the ending changes, as audit values (field, before, after), in a fixed order;
    /// a field the ending leaves as it was is left out.
    public static func changes(of call: Call, outcome: CallOutcome, note: String?, durationMinutes: Int?,
                               followUpDue: Date?, at: Date) -> [(field: String, old: String?, new: String?)] {
        let all: [(field: String, old: String?, new: String?)] = [
            ("outcome", nil, outcome.rawValue),
            ("ended_at", nil, Dates.iso(at)),
            ("duration_min", nil, durationMinutes.map(String.init)),
            ("follow_up_due", nil, followUpDue.map(Dates.iso)),
            ("note", call.note, note ?? call.note),
        ]
        return all.filter { $0.old != $0.new }
    }
}
