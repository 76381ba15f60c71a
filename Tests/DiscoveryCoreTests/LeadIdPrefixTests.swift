import DiscoveryCore
import Testing

/// The id ranges a typed digit prefix stands for.
@Suite struct LeadIdPrefixTests {
    static let rows: [(String, [ClosedRange<Int64>]?)] = [
        ("", [1...Int64.max]),
        ("7", [7...7, 70...79, 700...799, 7000...7999, 70000...79999, 700000...799999, 7000000...7999999,
               70000000...79999999, 700000000...799999999, 7000000000...7999999999, 70000000000...79999999999,
               700000000000...799999999999, 7000000000000...7999999999999, 70000000000000...79999999999999,
               700000000000000...799999999999999, 7000000000000000...7999999999999999,
               70000000000000000...79999999999999999, 700000000000000000...799999999999999999,
               7000000000000000000...7999999999999999999]),
        ("0", []),
        ("012", []),
        ("99999999999999999999", []),
        ("L1", nil),
        ("1a", nil),
        ("١", nil),
    ]

    @Test(arguments: rows)
    func aPrefixIsTheRangesOfIdsStartingWithIt(digits: String, expected: [ClosedRange<Int64>]?) {
        #expect(LeadIdPrefix.ranges(digits) == expected)
    }

    @Test func everyIdInTheRangesStartsWithThePrefixAndNoneIsMissed() throws {
        for prefix in ["1", "12", "9", "922337203685477580"] {
            let ranges = try #require(LeadIdPrefix.ranges(prefix))
            #expect(ranges.allSatisfy { String($0.lowerBound).hasPrefix(prefix) && String($0.upperBound).hasPrefix(prefix) })
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        }
        let small = try #require(LeadIdPrefix.ranges("12"))
        let matches = (1...5000).filter { id in small.contains { $0.contains(Int64(id)) } }
        #expect(matches == (1...5000).filter { String($0).hasPrefix("12") })
        #expect(LeadIdPrefix.ranges("922337203685477580")?.last == 9223372036854775800...9223372036854775807)
    }
}
