import Foundation

/// Calendar arithmetic on working days (Monday to Friday, UTC).
public enum BusinessDays {
    /// The day (midnight UTC) `n` business days after `date`'s day; a weekend start counts from Monday.
    public static func add(_ n: Int, to date: Date) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? .current
        var day = cal.startOfDay(for: date)
        var left = n
        while left > 0 {
            day = cal.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            if !cal.isDateInWeekend(day) { left -= 1 }
        }
        return day
    }
}
