import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// `DueItemRecord` gives back every field of every item exactly: dates to the bit (even those
/// no clock gives), ids at their limits, every kind and state, the owner absent or empty, and
/// texts non-ASCII, with NUL, or long enough to need multi-byte lengths; records read one
/// after another; a cut or damaged record is refused, never misread.
@Suite struct DueItemRecordTests {
    static let seconds: [Double] = [0, -0.0, 786_000_000.25, -1.5, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                    .infinity, -.infinity, .nan, 63_113_904_000.123456789]
    static let texts = ["", "a", "Clínica São José", "👩‍⚕️ Care", "NUL\u{0}inside", "Line\r\nbreak\u{2028}",
                        String(repeating: "x", count: 127), String(repeating: "x", count: 128), String(repeating: "ü", count: 70_000)]
    static let owners: [String?] = [nil, "", "sam", "Zoë \"Z\" Ng"]

    static var items: [DueItem] {
        var items: [DueItem] = []
        var n = 0
        for kind in DueItem.Kind.allCases {
            for state in SLAState.allCases {
                for owner in owners {
                    for leadId in [Int64.min, -1, 0, 47578, Int64.max] {
                        items.append(DueItem(leadId: leadId, org: texts[n % texts.count], owner: owner, kind: kind,
                                             what: texts[(n + 3) % texts.count],
                                             since: Date(timeIntervalSinceReferenceDate: seconds[n % seconds.count]),
                                             due: Date(timeIntervalSinceReferenceDate: seconds[(n + 5) % seconds.count]), state: state))
                        n += 1
                    }
                }
            }
        }
        return items
    }

    /// The same item, the dates compared by their bits (`Date ==` says NaN differs from itself, and -0 equals 0).
    static func same(_ a: DueItem, _ b: DueItem) -> Bool {
        a.leadId == b.leadId && a.org == b.org && a.owner == b.owner && a.kind == b.kind && a.what == b.what && a.state == b.state
            && a.org.utf8.elementsEqual(b.org.utf8) && a.what.utf8.elementsEqual(b.what.utf8)
            && a.owner.map { Array($0.utf8) } == b.owner.map { Array($0.utf8) }
            && a.since.timeIntervalSinceReferenceDate.bitPattern == b.since.timeIntervalSinceReferenceDate.bitPattern
            && a.due.timeIntervalSinceReferenceDate.bitPattern == b.due.timeIntervalSinceReferenceDate.bitPattern
    }

    /// All the records written one after another, then read back in order to the last byte.
    @Test func everyFieldComesBackExactly() throws {
        let items = Self.items
        var bytes: [UInt8] = []
        for item in items { DueItemRecord.append(item, to: &bytes) }
        var back: [DueItem] = []
        try bytes.withUnsafeBytes { raw in
            var at = 0
            while at < raw.count {
                let end = try #require(DueItemRecord.end(ofRecordAt: at, in: raw))
                back.append(try #require(DueItemRecord.item(at: at, end: end, in: raw)))
                at = end
            }
            #expect(at == raw.count)
        }
        #expect(back.count == items.count)
        // Named by position, compared outside `#expect`: it would describe the items, and a
        // date such as NaN cannot be described.
        for (i, (a, b)) in zip(items, back).enumerated() {
            let same = Self.same(a, b)
            #expect(same, "item \(i) came back otherwise")
        }
    }

    /// Every cut of a record short of its end is refused: its length is missing, or the body
    /// is shorter than the length says.
    @Test func aCutRecordIsNotRead() {
        let item = DueItem(leadId: 7, org: String(repeating: "é", count: 100), owner: "sam", kind: .retry, what: "call again",
                           since: Date(timeIntervalSinceReferenceDate: 1), due: Date(timeIntervalSinceReferenceDate: 2), state: .due)
        var bytes: [UInt8] = []
        DueItemRecord.append(item, to: &bytes)
        bytes.withUnsafeBytes { raw in
            for cut in 0..<raw.count {
                let part = UnsafeRawBufferPointer(rebasing: raw[..<cut])
                if let end = DueItemRecord.end(ofRecordAt: 0, in: part) {
                    #expect(end == raw.count, "cut at \(cut)")
                    #expect(DueItemRecord.item(at: 0, end: cut, in: part) == nil, "cut at \(cut)")
                }
            }
        }
    }

    /// A kind, state or owner flag out of range, or a length that runs past the record, is refused.
    @Test(arguments: [(25, 4), (26, 4), (27, 2), (28, 0x7F)])
    func aDamagedRecordIsNotRead(byte offset: Int, value: UInt8) {
        let item = DueItem(leadId: 7, org: "Mercy", owner: nil, kind: .requalify, what: "re-qualify",
                           since: Date(timeIntervalSinceReferenceDate: 1), due: Date(timeIntervalSinceReferenceDate: 2), state: .open)
        var bytes: [UInt8] = []
        DueItemRecord.append(item, to: &bytes)
        bytes.withUnsafeBytes { raw in #expect(DueItemRecord.item(at: 0, end: raw.count, in: raw) != nil) }
        bytes[offset] = value
        bytes.withUnsafeBytes { raw in #expect(DueItemRecord.item(at: 0, end: raw.count, in: raw) == nil) }
    }
}
