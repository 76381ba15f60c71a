import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC on whole numbers (Howard Hinnant's
/// `days_from_civil` / `civil_from_days`): no calendar object, no locale, no time zone.
/// `Dates` formats with it; the store reads its stored dates with it.
public enum CivilTime {
    /// A calendar date and time of day in UTC.
    public struct Fields: Sendable, Equatable {
        public var year: Int, month: Int, day: Int
        public var hour: Int, minute: Int, second: Int
    }

    /// Days from 1970-01-01 to `year`-`month`-`day` (negative before it).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date and time of day of `seconds` since 1970-01-01T00:00:00Z.
    public static func fields(secondsSince1970 seconds: Int) -> Fields {
        let dayCount = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - dayCount * 86_400
        let z = dayCount + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return Fields(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                      hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    /// Whether `year`-`month`-`day` exists (February 29th only in leap years).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Seconds from 1970 to the reference date of `Date` (2001-01-01T00:00:00Z).
    public static let referenceOffset = 978_307_200

    /// Whole seconds since 1970 of the instant `date` falls in (rounded down), or nil outside
    /// 1600-01-01 ... 9999-12-31, where `Date.ISO8601FormatStyle` switches to the Julian
    /// calendar (before 1582) or prints more than four digits for the year.
    public static func wholeSeconds(_ date: Date) -> Int? {
        let t = date.timeIntervalSinceReferenceDate.rounded(.down)
        guard t >= -12_654_403_200, t < 252_423_993_600 else { return nil }
        return Int(t) + referenceOffset
    }

    /// Appends `value` as `width` decimal digits, zero-padded (`value` is never negative here).
    static func appendDigits(_ value: Int, width: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        var v = value
        var i = index + width - 1
        while i >= index {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
        index += width
    }

    /// `2026-11-24T09:30:00Z` for whole seconds since 1970 in 1600 ... 9999.
    static func isoText(secondsSince1970 seconds: Int) -> String {
        let f = fields(secondsSince1970: seconds)
        return String(unsafeUninitializedCapacity: 20) { buffer in
            var i = 0
            appendDigits(f.year, width: 4, to: buffer, at: &i)
            buffer[i] = 0x2D; i += 1
            appendDigits(f.month, width: 2, to: buffer, at: &i)
            buffer[i] = 0x2D; i += 1
            appendDigits(f.day, width: 2, to: buffer, at: &i)
            buffer[i] = 0x54; i += 1
            appendDigits(f.hour, width: 2, to: buffer, at: &i)
            buffer[i] = 0x3A; i += 1
            appendDigits(f.minute, width: 2, to: buffer, at: &i)
            buffer[i] = 0x3A; i += 1
            appendDigits(f.second, width: 2, to: buffer, at: &i)
            buffer[i] = 0x5A; i += 1
            return i
        }
    }
}
