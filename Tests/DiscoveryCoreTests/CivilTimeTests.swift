import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct CivilTimeTests {
    static let style = Date.ISO8601FormatStyle()

    /// Instants around the edges the arithmetic must get right: 1970, leap days, century years
    /// (1900 and 2100 are not leap years, 2000 is), the ends of the fast range, and fractions of
    /// a second on both sides of zero.
    static let edges: [TimeInterval] = [
        0, 0.4, 0.5, 0.999, 0.999_999_9, -0.5, -1, -0.000_1, -86_400, -86_400.5,
        951_782_400, 951_868_799.999, 4_102_444_800, -2_203_891_200, -2_208_988_800, 1_772_442_000,
        -11_676_096_000, -12_622_780_800, 253_402_300_799, 253_402_300_799.999, 1_700_000_000.999_6,
        1_709_164_800, 1_709_251_199, 4_107_542_399, 4_107_542_400,
    ]

    @Test(arguments: edges)
    func isoMatchesFoundationAtTheEdges(seconds: TimeInterval) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Dates.iso(date) == date.formatted(Self.style), "\(seconds)")
    }

    @Test func isoMatchesFoundationOverManyDates() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            // 1600 ... 9999, with and without fractions.
            let whole = Int64(random.next() % 264_000_000_000) - 12_600_000_000
            let fraction = random.next() % 2 == 0 ? 0 : Double(random.next() % 1000) / 1000
            let date = Date(timeIntervalSince1970: Double(whole) + fraction)
            let expected = date.formatted(Self.style)
            guard Dates.iso(date) == expected else {
                Issue.record("\(whole) + \(fraction): \(Dates.iso(date)) != \(expected)")
                return
            }
        }
    }

    @Test func outsideTheFastRangeFoundationFormats() {
        for seconds: TimeInterval in [-62_135_596_800, -20_000_000_000, 253_402_300_800, 300_000_000_000] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(CivilTime.wholeSeconds(date) == nil)
            #expect(Dates.iso(date) == date.formatted(Self.style))
        }
    }

    @Test func daysAndFieldsAreInverse() {
        for day in stride(from: -200_000, through: 2_900_000, by: 997) {
            let f = CivilTime.fields(secondsSince1970: day * 86_400 + 3_661)
            #expect(CivilTime.days(year: f.year, month: f.month, day: f.day) == day)
            #expect(CivilTime.isValid(year: f.year, month: f.month, day: f.day))
            #expect(f.hour == 1 && f.minute == 1 && f.second == 1)
        }
    }

    @Test func knowsWhichDaysExist() {
        #expect(CivilTime.isValid(year: 2000, month: 2, day: 29))
        #expect(CivilTime.isValid(year: 2024, month: 2, day: 29))
        #expect(!CivilTime.isValid(year: 1900, month: 2, day: 29))
        #expect(!CivilTime.isValid(year: 2100, month: 2, day: 29))
        #expect(!CivilTime.isValid(year: 2026, month: 4, day: 31))
        #expect(!CivilTime.isValid(year: 2026, month: 13, day: 1))
        #expect(!CivilTime.isValid(year: 2026, month: 1, day: 0))
        #expect(CivilTime.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilTime.days(year: 2000, month: 3, day: 1) == 11_017)
    }
}
