import Foundation

/// The decay rule of the lead-scoring model: 90 days without activity cost intent points,
/// `pointsPerMonth` for every full month (30 days) past the first 90 days.
///
/// Activity is the newest of: the lead's creation, any signal, any logged call, any answer
/// recorded. The rule is the engine's, not a `signals.yaml` entry, so it can never be counted
/// twice by recording it by hand.
public enum Inactivity {
    public static let graceDays = 90
    public static let daysPerMonth = 30
    public static let pointsPerMonth = -10

    /// The newest activity on the record.
    public static func lastActivity(_ record: QualificationRecord) -> Date {
        var last = record.lead.createdAt
        for s in record.signals where s.at > last { last = s.at }
        for c in record.calls where c.at > last { last = c.at }
        if let a = record.lastAnswerAt, a > last { last = a }
        return last
    }

    /// The intent line the rule adds, if any.
    static func line(_ record: QualificationRecord, now: Date) -> ScoreLine? {
        let since = lastActivity(record)
        let days = Int((now.timeIntervalSince(since) / 86_400).rounded(.down))
        guard days > graceDays else { return nil }
        let months = (days - graceDays) / daysPerMonth
        guard months > 0 else { return nil }
        return ScoreLine(kind: .intent, points: months * pointsPerMonth,
                         source: .inactivity(since: since, days: days, months: months))
    }
}
