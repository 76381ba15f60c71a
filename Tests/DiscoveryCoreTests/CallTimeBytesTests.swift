import Foundation
import Testing
@testable import DiscoveryCore

/// The byte writers give exactly the strings `CallTime.text`, `Dates.day` and `CallTime.span` give.
@Suite struct CallTimeBytesTests {
    static let dates: [Date] = [
        "2026-03-02T14:30:00Z", "2026-12-31T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:30Z", "1600-01-01T00:00:00Z", "9999-12-31T23:59:00Z",
    ].map(utc) + [
        Date(timeIntervalSinceReferenceDate: 123_456.789), Date(timeIntervalSinceReferenceDate: -0.5),
        // Outside what the whole-number path formats: the string path's text.
        Date(timeIntervalSinceReferenceDate: -20_000_000_000), Date(timeIntervalSinceReferenceDate: 300_000_000_000),
    ]

    @Test(arguments: dates) func textAndDayAsTheStrings(_ date: Date) {
        var bytes: [UInt8] = Array("x".utf8)
        CallTime.appendText(date, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + CallTime.text(date))
        var day: [UInt8] = []
        CallTime.appendText(date, dayOnly: true, to: &day)
        #expect(String(decoding: day, as: UTF8.self) == Dates.day(date))
    }

    @Test(arguments: [0, -90, 59, 60, 61 * 60, 3600, 3600 + 59 * 60, 86_400, 86_400 + 3600, 86_400 + 60,
                      633 * 86_400 + 13 * 3600 + 59 * 60 + 59, 10_000_000.5] as [TimeInterval])
    func spanAsTheString(_ seconds: TimeInterval) {
        var bytes: [UInt8] = []
        CallTime.appendSpan(seconds, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == CallTime.span(seconds))
    }
}
