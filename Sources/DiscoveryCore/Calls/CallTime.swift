import Foundation

/// Times typed by a rep for a call (`--at`) or a follow-up (`--due`), all in UTC.
public enum CallTime {
    /// Accepts `2026-03-02T14:30:00Z`, `2026-03-02T14:30`, `2026-03-02 14:30`, `14:30` (on the
    /// day of `now`) and, when `dayAllowed`, `2026-03-02` (09:00 that day). `nil`: not a time.
    public static func parse(_ text: String, now: Date, dayAllowed: Bool = false) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let iso = Dates.parseISO(t) { return iso }
        if dayAllowed, let day = Dates.parseDay(t) { return day.addingTimeInterval(9 * 3600) }
        if let minutes = clockMinutes(t) {
            return BusinessTime.startOfDay(now).addingTimeInterval(TimeInterval(minutes * 60))
        }
        for separator in ["T", " "] {
            let parts = t.components(separatedBy: separator)
            guard parts.count == 2, let day = Dates.parseDay(parts[0]), let minutes = clockMinutes(parts[1]) else { continue }
            return day.addingTimeInterval(TimeInterval(minutes * 60))
        }
        return nil
    }

    /// `HH:MM` → minutes after midnight; `nil` unless two digits, a colon, two digits, in range.
    static func clockMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        return h * 60 + m
    }

    /// `2026-03-02 14:30` (UTC), the form every call and follow-up time is shown in.
    public static func text(_ date: Date) -> String {
        let iso = Dates.iso(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// `3d 2h`, `4h 30m`, `15m`: a positive span, to the minute.
    public static func span(_ seconds: TimeInterval) -> String {
        let minutes = Int((max(0, seconds) / 60).rounded(.down))
        let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h \(m)m" : "\(h)h" }
        return "\(m)m"
    }
}
