/// The lead ids whose decimal digits start with what is typed, as ranges a database answers
/// from its primary key (no scan, however many leads): `12` is 12, 120...129, 1200...1299, ...
/// The ranges are disjoint and increasing, so the ids in them in id order are the matches in
/// the order Tab lists them.
public enum LeadIdPrefix {
    /// The ranges for `digits` (ASCII digits only; empty: every id); nil when `digits` holds
    /// anything else. A leading zero matches nothing (ids are written without one).
    public static func ranges(_ digits: String) -> [ClosedRange<Int64>]? {
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if digits.isEmpty { return [1...Int64.max] }
        guard !digits.hasPrefix("0"), let first = Int64(digits) else { return [] }
        var ranges: [ClosedRange<Int64>] = []
        var low = first
        var width: Int64 = 1
        while true {
            let (high, overflow) = low.addingReportingOverflow(width - 1)
            ranges.append(low...(overflow ? Int64.max : high))
            let (nextLow, o1) = low.multipliedReportingOverflow(by: 10)
            let (nextWidth, o2) = width.multipliedReportingOverflow(by: 10)
            if o1 || o2 || overflow { break }
            low = nextLow
            width = nextWidth
        }
        return ranges
    }
}
