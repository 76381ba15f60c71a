import DiscoveryCore
import Foundation
import SeededRandom

/// Due items for the merge-sort tests: many with equal list keys (few leads, deadlines and
/// states), every kind and state, owners set, empty and absent, texts plain, non-ASCII, with
/// NUL or line breaks, and some longer than a read buffer. Each `what` is unique, so an item
/// that moved or went missing shows.
enum DueSortSamples {
    static let base = Date(timeIntervalSinceReferenceDate: 786_000_000.25)
    static let orgs = ["Mercy Regional", "", "Clínica São José", "👩‍⚕️ Care \u{2028}", "NUL\u{0}inside", "Line\r\nbreak",
                       String(repeating: "Long Name ", count: 12)]
    static let owners: [String?] = ["sam", nil, "", "Zoë \"Z\" Ng"]

    static func items(count: Int, seed: UInt64, longEvery: Int = 0) -> [DueItem] {
        var g = SeededRandom(seed: seed)
        return (0..<count).map { i in
            var org = g.pick(orgs)
            // A record larger than the reader's 64 KiB buffer now and then.
            if longEvery > 0 && i % longEvery == longEvery - 1 { org = String(repeating: "é", count: 40_000 + i) }
            return DueItem(leadId: Int64(g.below(6)), org: org, owner: g.pick(owners), kind: g.pick(DueItem.Kind.allCases),
                           what: "item \(i)", since: base - Double(g.below(1000)),
                           due: base + Double(g.below(4)) * 3600, state: g.pick(SLAState.allCases))
        }
    }

    /// A fresh empty folder for a scratch file.
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "discovery-scratch-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
