import DiscoveryCore
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
        let t = CivilTime.fields(secondsSince1970: Int(sinceReference.rounded(.down)) + 978_307_200)
        bytes.append(UInt8(ascii: "\""))
        appendDigits(Int64(t.year), 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(Int64(t.month), 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(Int64(t.day), 2, &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(Int64(t.hour), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int64(t.minute), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(Int64(t.second), 2, &bytes)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
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
