import DiscoveryCore
import Foundation
import Testing

/// `LeadBands`: the band of each lead set, nothing for the others, whatever order the ids came in.
@Suite struct LeadBandsTests {
    static let levels: [BandLevel] = [.low, .mid, .high]

    @Test func eachLeadHasTheBandSetForItAndNoOtherLeadHasOne() {
        for seed in 0..<30 as Range<UInt64> {
            var rng = SeededRandom(seed: seed + 77)
            var expected: [Int64: BandLevel] = [:]
            var bands = LeadBands()
            var ids = (0..<Int.random(in: 0...60, using: &rng)).map { _ in Int64.random(in: 1...90, using: &rng) }
            // Half the runs in the whole-book read's order (increasing ids, each once).
            if seed % 2 == 0 { ids = Array(Set(ids)).sorted() }
            for id in ids {
                let band = Self.levels[Int.random(in: 0...2, using: &rng)]
                bands.set(id, band)
                expected[id] = band
            }
            bands.seal()
            #expect(bands.count == expected.count, "seed \(seed)")
            for id in 0...91 as ClosedRange<Int64> {
                #expect(bands.band(of: id) == expected[id], "seed \(seed), L\(id)")
            }
        }
    }
}
