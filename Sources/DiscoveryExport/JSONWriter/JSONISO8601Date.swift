import Foundation

/// `.iso8601` dates as Foundation writes them: `YYYY-MM-DDTHH:MM:SSZ` in UTC, the seconds
/// truncated toward the past (a fraction is never written).
enum JSONISO8601Date {
    /// 1600-01-01T00:00:00Z and 10000-01-01T00:00:00Z as seconds since 2001 (the proleptic
    /// Gregorian calendar is Foundation's there); outside them Foundation formats the date.
    private static let from: Double = -12_654_403_200
    private static let until: Double = 252_423_993_600

    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let sinceReference = date.timeIntervalSinceReferenceDate
        guard sinceReference >= from, sinceReference < until else {
            JSONScalarText.appendString(JSONFoundationFallback.iso8601(date), to: &bytes)
            return
        }
        let seconds = Int64(sinceReference.rounded(.down)) + 978_307_200   // since 1970
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        bytes.append(UInt8(ascii: "\""))
        appendDigits(year, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, 2, &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, 2, &bytes)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
    }

    /// Howard Hinnant's `civil_from_days`: the Gregorian date `days` after 1970-01-01.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func appendDigits(_ value: Int64, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
