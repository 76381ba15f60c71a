import Foundation
import Testing
@testable import DiscoveryCore

/// `2026-03-06T22:00:00Z` → Date; test literals only.
func utc(_ text: String) -> Date {
    guard let d = Dates.parseISO(text) else { fatalError("bad test date \(text)") }
    return d
}

@Suite struct BusinessTimeTests {
    // 2026-03-02 is a Monday; 2026-03-06 a Friday; 03-07/08 the weekend.
    @Test(arguments: [
        ("2026-03-02T09:00:00Z", 4, "2026-03-02T13:00:00Z"),    // plain weekday
        ("2026-03-02T22:00:00Z", 4, "2026-03-03T02:00:00Z"),    // across midnight
        ("2026-03-06T22:00:00Z", 4, "2026-03-09T02:00:00Z"),    // Friday night, across the weekend
        ("2026-03-06T20:00:00Z", 4, "2026-03-07T00:00:00Z"),    // ends exactly at Friday's end
        ("2026-03-07T10:00:00Z", 4, "2026-03-09T04:00:00Z"),    // starts on Saturday: clock runs from Monday 00:00
        ("2026-03-08T23:30:00Z", 4, "2026-03-09T04:00:00Z"),    // Sunday night
        ("2026-03-02T09:00:00Z", 24, "2026-03-03T09:00:00Z"),
        ("2026-03-06T15:00:00Z", 24, "2026-03-09T15:00:00Z"),   // Friday afternoon + 24 h = Monday afternoon
        ("2026-03-05T12:00:00Z", 48, "2026-03-09T12:00:00Z"),   // Thursday + 48 h skips the weekend
        ("2026-03-02T09:00:00Z", 0, "2026-03-02T09:00:00Z"),
    ])
    func addsWeekdayHours(start: String, hours: Int, expected: String) {
        #expect(BusinessTime.adding(hours: hours, to: utc(start)) == utc(expected))
    }

    @Test(arguments: [
        ("2026-03-02T09:00:00Z", 1, "2026-03-03T09:00:00Z"),
        ("2026-03-06T10:00:00Z", 1, "2026-03-09T10:00:00Z"),    // Friday → Monday
        ("2026-03-07T10:00:00Z", 1, "2026-03-09T10:00:00Z"),    // Saturday → Monday
        ("2026-03-08T10:00:00Z", 1, "2026-03-09T10:00:00Z"),    // Sunday → Monday
        ("2026-03-05T10:00:00Z", 2, "2026-03-09T10:00:00Z"),    // Thursday + 2 → Monday
        ("2026-03-06T10:00:00Z", 5, "2026-03-13T10:00:00Z"),    // a working week
    ])
    func addsBusinessDays(start: String, days: Int, expected: String) {
        #expect(BusinessTime.adding(businessDays: days, to: utc(start)) == utc(expected))
    }

    /// The day arithmetic gives what a Gregorian calendar in UTC gives: the weekday and the
    /// midnight of instants over three centuries, on both sides of 1970 and of each midnight.
    @Test func dayArithmeticAgreesWithTheGregorianCalendarInUTC() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededRandom(seed: 42)
        var instants: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 86_399.999),
                                Date(timeIntervalSince1970: -86_400), Date(timeIntervalSince1970: -86_400.5), utc("2026-03-07T00:00:00Z")]
        for _ in 0..<5_000 {
            // 1900 to 2200, to the millisecond.
            let t = -2_208_988_800 + Double(UInt64.random(in: 0..<9_467_280_000_000, using: &rng)) / 1000
            instants.append(Date(timeIntervalSince1970: t))
        }
        for date in instants {
            let weekday = calendar.component(.weekday, from: date)
            #expect(BusinessTime.isWeekend(date) == (weekday == 1 || weekday == 7), "\(date)")
            #expect(BusinessTime.startOfDay(date) == calendar.startOfDay(for: date), "\(date)")
        }
    }

    @Test func weekendsAreSaturdayAndSundayInUTC() {
        #expect(!BusinessTime.isWeekend(utc("2026-03-06T23:59:59Z")))
        #expect(BusinessTime.isWeekend(utc("2026-03-07T00:00:00Z")))
        #expect(BusinessTime.isWeekend(utc("2026-03-08T23:59:59Z")))
        #expect(!BusinessTime.isWeekend(utc("2026-03-09T00:00:00Z")))
    }

    @Test func parsesCallTimes() {
        let now = utc("2026-03-02T09:00:00Z")
        #expect(CallTime.parse("08:15", now: now) == utc("2026-03-02T08:15:00Z"))
        #expect(CallTime.parse("2026-02-27 16:45", now: now) == utc("2026-02-27T16:45:00Z"))
        #expect(CallTime.parse("2026-02-27T16:45", now: now) == utc("2026-02-27T16:45:00Z"))
        #expect(CallTime.parse("2026-02-27T16:45:00Z", now: now) == utc("2026-02-27T16:45:00Z"))
        #expect(CallTime.parse("2026-03-04", now: now) == nil)
        #expect(CallTime.parse("2026-03-04", now: now, dayAllowed: true) == utc("2026-03-04T09:00:00Z"))
        for bad in ["", "9:15", "24:00", "12:60", "yesterday", "2026-02-30 10:00", "2026-03-02T10", "１２:００"] {
            #expect(CallTime.parse(bad, now: now) == nil, "\(bad)")
        }
        #expect(CallTime.text(utc("2026-02-27T16:45:00Z")) == "2026-02-27 16:45")
        #expect(CallTime.span(3 * 86_400 + 2 * 3600 + 59) == "3d 2h")
        #expect(CallTime.span(4 * 3600 + 30 * 60) == "4h 30m")
        #expect(CallTime.span(59) == "0m")
    }
}
