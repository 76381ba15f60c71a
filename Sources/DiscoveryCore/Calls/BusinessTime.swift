import Foundation

/// Clock arithmetic that skips weekends: Saturday and Sunday (UTC) do not count towards a
/// retry or an SLA window. Pure: every function takes the instants it works on.
public enum BusinessTime {
    static let day: TimeInterval = 86_400

    /// Saturday or Sunday in UTC. A UTC day is 86,400 seconds from midnight to midnight, so
    /// the weekday is the count of days since 1970-01-01 (a Thursday), modulo 7: plain
    /// arithmetic, the same answer a Gregorian calendar in UTC gives (tested), at a fraction
    /// of its cost (an SLA report asks for every MQL of the book).
    public static func isWeekend(_ date: Date) -> Bool {
        let weekday = ((daysSinceEpoch(date) + 4) % 7 + 7) % 7   // 0 Sunday ... 6 Saturday
        return weekday == 0 || weekday == 6
    }

    /// Midnight UTC at the start of `date`'s day.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch(date)) * day)
    }

    /// Whole UTC days from 1970-01-01 to `date`'s day (negative before).
    private static func daysSinceEpoch(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / day).rounded(.down))
    }

    /// Midnight UTC at the end of `date`'s day (the start of the next).
    public static func endOfDay(_ date: Date) -> Date {
        startOfDay(date).addingTimeInterval(day)
    }

    /// `date` plus `hours` hours of weekday time: hours that fall on a Saturday or Sunday are
    /// skipped, so Friday 22:00 + 4 h is Monday 02:00 and Saturday 10:00 + 4 h is Monday 04:00.
    public static func adding(hours: Int, to date: Date) -> Date {
        var remaining = TimeInterval(max(0, hours)) * 3600
        var t = skipWeekend(date)
        while true {
            let available = endOfDay(t).timeIntervalSince(t)
            if remaining <= available { return t.addingTimeInterval(remaining) }
            remaining -= available
            t = skipWeekend(endOfDay(t))
        }
    }

    /// The same time of day `days` weekdays later: Friday 10:00 + 1 business day is Monday
    /// 10:00; from a Saturday or Sunday the first business day is the Monday.
    public static func adding(businessDays days: Int, to date: Date) -> Date {
        var t = date
        var counted = 0
        while counted < max(0, days) {
            t = t.addingTimeInterval(day)
            if !isWeekend(t) { counted += 1 }
        }
        return t
    }

    /// `date` itself on a weekday; the next Monday 00:00 on a weekend.
    static func skipWeekend(_ date: Date) -> Date {
        var t = date
        while isWeekend(t) { t = startOfDay(t).addingTimeInterval(day) }
        return t
    }
}
