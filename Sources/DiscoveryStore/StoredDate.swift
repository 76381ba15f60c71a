import DiscoveryCore
import Foundation
import GRDB

/// Reads the dates GRDB stores (`yyyy-MM-dd HH:mm:ss.SSS` in UTC) with whole-number arithmetic
/// instead of a Foundation calendar: reading a lead decodes four of them, an export reads every
/// lead. Any other stored form (a number, a date without time, ISO `T`) goes through GRDB as
/// before; a test holds both paths to the same `Date`.
enum StoredDate {
    /// The date in `value`, or nil when it holds none.
    static func decode(_ value: DatabaseValue) -> Date? {
        if case .string(let text) = value.storage, let date = parse(text) { return date }
        return Date.fromDatabaseValue(value)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in 1600 ... 9999, or nil for anything else.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(parse(bytes:))
    }

    /// The same, read from UTF-8 bytes in place (a column's text as SQLite holds it).
    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count == 23, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
              b[19] == 0x2E else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 0x30
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              let millis = number(20, 3), year >= 1600, hour < 24, minute < 60, second < 60,
              CivilTime.isValid(year: year, month: month, day: day) else { return nil }
        let days = CivilTime.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - CivilTime.referenceOffset
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(millis) / 1000)
    }
}

extension Row {
    /// A stored date (see `StoredDate`).
    func date(_ column: String) -> Date? {
        StoredDate.decode(self[column])
    }

    /// A date the schema declares NOT NULL.
    func requiredDate(_ column: String) -> Date {
        date(column) ?? self[column]
    }
}
