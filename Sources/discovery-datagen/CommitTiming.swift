import DiscoveryCore
import DiscoveryStore
import Foundation
import SeededRandom

/// Times answer commits one by one, in process, on an existing database: each is the same
/// audited one-transaction write the `answer` command and the interview make, with
/// synchronous=FULL (an fsync of the WAL per commit). Prints `p50 … p99 … max …`.
enum CommitTiming {
    static func run(store: SQLiteStore, commits: Int, seed: UInt64) throws(DiscoveryError) -> String {
        var random = SeededRandom(seed: seed)
        let leads = max(1, try store.tableCounts().first { $0.table == "lead" }?.rows ?? 1)
        var times: [Double] = []
        times.reserveCapacity(commits)
        for i in 0..<commits {
            let lead = Int64(1 + random.below(leads))
            let start = DispatchTime.now().uptimeNanoseconds
            try store.recordAnswer(lead: lead, question: "need.problem", value: .text("timed answer \(i)"), note: nil, people: [],
                                   actor: "bench", at: Date())
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        func pct(_ p: Double) -> Double { times[min(times.count - 1, Int((Double(times.count) * p).rounded(.up)) - 1)] }
        let p99 = pct(0.99)
        return String(format: "%d commits: p50 %.2f ms, p99 %.2f ms, max %.2f ms", commits, pct(0.5), p99, times.last ?? 0)
            + (p99 <= 10 ? " (p99 ok)" : "")
    }
}
