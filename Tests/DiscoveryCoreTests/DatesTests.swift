import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct DatesTests {
    @Test func parsesStrictCalendarDates() {
        #expect(Dates.parseDay("2026-02-28").map(Dates.day) == "2026-02-28")
        #expect(Dates.parseDay("2026-02-30") == nil)
        #expect(Dates.parseDay("2026-2-3") == nil)
        #expect(Dates.parseDay("tomorrow") == nil)
        #expect(Dates.parseDay("２０２６-01-01") == nil)
    }

    @Test func isoRoundTrips() {
        let d = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(Dates.parseISO(Dates.iso(d)) == d)
        #expect(Dates.iso(d).hasSuffix("Z"))
    }
}
