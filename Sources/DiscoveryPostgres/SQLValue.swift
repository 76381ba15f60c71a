import DiscoveryCore
import Foundation
import PostgresNIO

/// A value bound to a statement's `$n`: the four kinds the schema stores (and arrays of them).
enum SQLValue: Sendable {
    case text(String?)
    case int(Int64?)
    case date(Date?)
    case bool(Bool?)
    /// An array, bound as one `text[]` / `bigint[]` value (`= ANY($n)`).
    case texts([String])
    case ints([Int64])
    case bools([Bool])
    case doubles([Double])

    static func t(_ s: String?) -> SQLValue { .text(s) }
    static func i(_ i: Int64?) -> SQLValue { .int(i) }
    static func i(_ i: Int?) -> SQLValue { .int(i.map(Int64.init)) }
    static func d(_ d: Date?) -> SQLValue { .date(d.map(StoredTime.rounded)) }

    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var b = PostgresBindings(capacity: values.count)
        for v in values {
            switch v {
            case .text(let s): if let s { b.append(s) } else { b.appendNull() }
            case .int(let i): if let i { b.append(i) } else { b.appendNull() }
            case .date(let d): if let d { b.append(d) } else { b.appendNull() }
            case .bool(let x): if let x { b.append(x) } else { b.appendNull() }
            case .texts(let xs): b.append(xs)
            case .ints(let xs): b.append(xs)
            case .bools(let xs): b.append(xs)
            case .doubles(let xs): b.append(xs)
            }
        }
        return b
    }
}

/// Times as both backends store them: to the millisecond (SQLite's stored form), so a value read
/// back equals the one the other backend gives; and as text in SQLite's form for audit values.
enum StoredTime {
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC: what the SQLite store writes into the audit log for a date column.
    static func text(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = millis - seconds * 1000
        let f = CivilTime.fields(secondsSince1970: Int(seconds))
        func pad(_ n: some BinaryInteger, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2)) \(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2)).\(pad(ms, 3))"
    }
}
