import Foundation

/// Date formats used everywhere: ISO-8601 instants in UTC and `YYYY-MM-DD` calendar dates.
public enum Dates {
    /// `2026-11-24T09:30:00Z` (fractional seconds dropped). Whole-number arithmetic, the same
    /// text as `Date.ISO8601FormatStyle` (a test holds them to it) in a fraction of the time:
    /// an export formats two dates per row.
    public static func iso(_ date: Date) -> String {
        guard let seconds = CivilTime.wholeSeconds(date) else { return date.formatted(Date.ISO8601FormatStyle()) }
        return CivilTime.isoText(secondsSince1970: seconds)
    }

    public static func parseISO(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }

    /// `2026-11-24` in UTC.
    public static func day(_ date: Date) -> String {
        String(iso(date).prefix(10))
    }

    /// Parses a strict `YYYY-MM-DD` calendar date (midnight UTC), rejecting impossible dates.
    public static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let comps = DateComponents(year: y, month: m, day: d)
        guard comps.isValidDate(in: cal), let date = cal.date(from: comps) else { return nil }
        return date
    }

    /// Why `text`, shaped like `YYYY-MM-DD`, is not a day of the calendar, e.g.
    /// `2026-02-30 does not exist: February 2026 has 28 days`; `nil` when it is a day or is not
    /// shaped like one (the caller then says which shape it expects).
    public static func impossibleDay(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parseDay(text) == nil else { return nil }
        guard (1...12).contains(m) else { return "\(text) does not exist: there is no month \(m)" }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let first = cal.date(from: DateComponents(year: y, month: m, day: 1)),
              let days = cal.range(of: .day, in: .month, for: first)?.count else { return nil }
        let month = monthNames[m - 1]
        if d == 0 { return "\(text) does not exist: there is no day 0" }
        return "\(text) does not exist: \(month) \(y) has \(days) days"
    }

    /// English month names, whatever the locale (messages are in English).
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
}
