import DiscoveryCore
import Foundation

/// The cells of a row PostgreSQL sent as JSON (`row_to_json`, `json_agg`): bigint as a number,
/// text as a string, boolean as true / false, timestamptz as ISO-8601 text with microseconds
/// and the session's offset, NULL as null. Read into the same types as a binary cell.
enum JSONCell {
    static func decode<T>(_ type: T.Type, _ object: [String: Any], _ column: String) throws -> T? {
        guard let value = object[column] else {
            throw DiscoveryError.storage("the database returned no column \(column); is this a discovery database?")
        }
        if value is NSNull { return nil }
        let decoded: Any?
        switch type {
        case is String.Type: decoded = value as? String
        case is Int64.Type: decoded = (value as? Int).map(Int64.init) ?? (value as? NSNumber)?.int64Value
        case is Bool.Type: decoded = value as? Bool
        case is Date.Type: decoded = (value as? String).flatMap(date)
        default: decoded = nil
        }
        guard let result = decoded as? T else {
            throw DiscoveryError.storage("the database holds an unexpected \(column) (\(value)); is the schema current? Run `discovery db status`")
        }
        return result
    }

    /// `2026-03-02T09:00:00.123456+00:00` (fraction and offset minutes optional), to the microsecond.
    static func date(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var n = 0
            for c in chars[from..<(from + count)] {
                guard c >= 48 && c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard chars.count >= 19, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var i = 19
        var micros = 0
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                if digits < 6 { micros = micros * 10 + Int(chars[i] - 48); digits += 1 }
                i += 1
            }
            for _ in digits..<6 { micros *= 10 }
        }
        var offset = 0
        if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
            let sign = chars[i] == UInt8(ascii: "-") ? -1 : 1
            guard let h = number(i + 1, 2) else { return nil }
            let m = i + 3 < chars.count && chars[i + 3] == UInt8(ascii: ":") ? (number(i + 4, 2) ?? 0) : 0
            offset = sign * (h * 3600 + m * 60)
        } else if i < chars.count, chars[i] == UInt8(ascii: "Z") {
            offset = 0
        }
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        components.hour = hour; components.minute = minute; components.second = second
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let whole = calendar.date(from: components) else { return nil }
        // As the driver decodes a binary timestamptz (microseconds since 2000), so both give the same Date.
        let seconds = Int64((whole.timeIntervalSince1970).rounded()) - Int64(offset) - 946_684_800
        let total = seconds * 1_000_000 + Int64(micros)
        return Date(timeInterval: Double(total) / 1_000_000, since: Date(timeIntervalSince1970: 946_684_800))
    }
}
