import Foundation

/// Calendar arithmetic on working days (Monday to Friday, UTC).
public enum BusinessDays {
    /// The day (midnight UTC) `n` business days after `date`'s day; a weekend start counts from Monday.
    /// The weekday arithmetic is `BusinessTime`'s, shared with call follow-ups and SLAs.
    public static func add(_ n: Int, to date: Date) -> Date {
        BusinessTime.adding(businessDays: n, to: BusinessTime.startOfDay(date))
    }
}
