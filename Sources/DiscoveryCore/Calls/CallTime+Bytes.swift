import Foundation

/// `CallTime.text`, `Dates.day` and `CallTime.span` written straight into a block of bytes, for
/// the whole-book lists (`due`): the same text from the date's fields, without building a
/// string per value. Tests hold each to its string form.
extension CallTime {
    /// Appends `2026-03-02 14:30` (`CallTime.text`), or with `dayOnly` `2026-03-02` (`Dates.day`).
    public static func appendText(_ date: Date, dayOnly: Bool = false, to bytes: inout [UInt8]) {
        guard let seconds = CivilTime.wholeSeconds(date) else {
            bytes.append(contentsOf: (dayOnly ? Dates.day(date) : text(date)).utf8)
            return
        }
        let f = CivilTime.fields(secondsSince1970: seconds)
        appendDigits(f.year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendDigits(f.month, width: 2, to: &bytes)
        bytes.append(0x2D)
        appendDigits(f.day, width: 2, to: &bytes)
        guard !dayOnly else { return }
        bytes.append(0x20)
        appendDigits(f.hour, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendDigits(f.minute, width: 2, to: &bytes)
    }

    /// Appends `3d 2h`, `4h 30m`, `15m` (`CallTime.span`).
    public static func appendSpan(_ seconds: TimeInterval, to bytes: inout [UInt8]) {
        let minutes = Int((max(0, seconds) / 60).rounded(.down))
        let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        func part(_ value: Int, _ unit: UInt8) {
            appendNumber(value, to: &bytes)
            bytes.append(unit)
        }
        if d > 0 {
            part(d, UInt8(ascii: "d"))
            if h > 0 { bytes.append(0x20); part(h, UInt8(ascii: "h")) }
        } else if h > 0 {
            part(h, UInt8(ascii: "h"))
            if m > 0 { bytes.append(0x20); part(m, UInt8(ascii: "m")) }
        } else {
            part(m, UInt8(ascii: "m"))
        }
    }

    /// `value` (never negative here) as `width` digits, zero-padded.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: width))
        var v = value, i = start + width - 1
        while i >= start {
            bytes[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
    }

    /// `value` (never negative here) in decimal, as many digits as it takes.
    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var width = 1, v = value
        while v >= 10 { v /= 10; width += 1 }
        appendDigits(value, width: width, to: &bytes)
    }
}
