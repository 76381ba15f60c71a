import DiscoveryCore
import Foundation

/// Rows in the text format of PostgreSQL's `COPY ... FROM STDIN` (`BlockingConnection.copy`):
/// a line per row, its values separated by tabs, a missing value `\N`. In a value a backslash,
/// tab, line feed and carriage return are written as `\\`, `\t`, `\n`, `\r`; every other byte
/// (other control characters, any UTF-8) as it is. The empty string is an empty field, which
/// COPY reads as '' (not NULL). Times are written as the driver binds a `Date`: microseconds
/// since 2000-01-01 UTC, the fraction cut off below a microsecond.
struct CopyRows {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    private var fieldsInRow = 0
    private var lastTime: (date: Date, text: String)?

    init(reservingBytes capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one row: text, integer, time and boolean values (arrays have no COPY form here).
    mutating func row(_ values: [SQLValue]) throws {
        for value in values {
            switch value {
            case .text(let s): text(s)
            case .int(let i): int(i)
            case .date(let d): time(d)
            case .bool(let b): field(b.map { $0 ? "t" : "f" })
            case .texts, .ints, .bools, .doubles: throw DiscoveryError.storage("COPY: an array value has no text form here")
            }
        }
        endRow()
    }

    mutating func text(_ value: String?) {
        separate()
        guard let value else { bytes.append(contentsOf: [0x5C, 0x4E]); return }
        Self.escape(value, into: &bytes)
    }

    mutating func int(_ value: Int64?) {
        field(value.map(String.init))
    }

    mutating func time(_ value: Date?) {
        guard let value else { field(nil); return }
        // An import's rows share a few times (the import's own, mostly): each written once.
        if let last = lastTime, last.date == value { field(last.text); return }
        let text = Self.timeText(value)
        lastTime = (value, text)
        field(text)
    }

    mutating func endRow() {
        bytes.append(0x0A)
        count += 1
        fieldsInRow = 0
    }

    /// A field whose text needs no escaping (digits, a time, `t` / `f`).
    private mutating func field(_ plain: String?) {
        separate()
        guard let plain else { bytes.append(contentsOf: [0x5C, 0x4E]); return }
        bytes.append(contentsOf: plain.utf8)
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(0x09) }
        fieldsInRow += 1
    }

    /// `value`'s UTF-8 with COPY's four escapes.
    static func escape(_ value: String, into bytes: inout [UInt8]) {
        let utf8 = value.utf8
        // Most values need no escape: copied whole.
        guard utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for b in utf8 {
            switch b {
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            default: bytes.append(b)
            }
        }
    }

    /// `yyyy-MM-dd HH:mm:ss.uuuuuu+00`, the microsecond the driver would bind for `date`.
    static func timeText(_ date: Date) -> String {
        let micros = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = Int(micros - seconds * 1_000_000)
        let f = CivilTime.fields(secondsSince1970: Int(seconds) + 946_684_800)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2)) \(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2)).\(pad(fraction, 6))+00"
    }
}
