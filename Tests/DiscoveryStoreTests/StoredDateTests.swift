import Foundation
import GRDB
import Testing
@testable import DiscoveryStore

@Suite struct StoredDateTests {
    /// The fast reader gives exactly the `Date` GRDB's calendar gives, for what GRDB writes.
    @Test func readsWhatGRDBWritesAsGRDBReadsIt() {
        var state: UInt64 = 11
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let millis = Int64(state >> 20) % 300_000_000_000_000 - 10_000_000_000_000
            let written = Date(timeIntervalSince1970: Double(millis) / 1000).databaseValue
            guard case .string(let text) = written.storage else { Issue.record("not text"); return }
            let expected = Date.fromDatabaseValue(written)
            guard StoredDate.parse(text) == expected, StoredDate.decode(written) == expected else {
                Issue.record("\(text): \(String(describing: StoredDate.parse(text))) != \(String(describing: expected))")
                return
            }
        }
    }

    @Test(arguments: ["2024-02-29 23:59:59.999", "2000-02-29 00:00:00.000", "1970-01-01 00:00:00.000",
                      "2100-03-01 12:00:00.001", "9999-12-31 23:59:59.999", "1600-01-01 00:00:00.000"])
    func readsEdgeDatesAsGRDBDoes(text: String) {
        #expect(StoredDate.parse(text) != nil)
        #expect(StoredDate.parse(text) == Date.fromDatabaseValue(text.databaseValue))
    }

    /// Other forms are not the fast reader's: GRDB reads them as before.
    @Test(arguments: ["2026-03-02", "2026-03-02T09:00:00.000", "2026-03-02 09:00", "2026-03-02 09:00:00",
                      "2025-02-29 00:00:00.000", "2026-03-02 24:00:00.000", "1500-01-01 00:00:00.000", "x026-03-02 09:00:00.000"])
    func leavesOtherFormsToGRDB(text: String) {
        #expect(StoredDate.parse(text) == nil)
        #expect(StoredDate.decode(text.databaseValue) == Date.fromDatabaseValue(text.databaseValue))
    }

    @Test func readsNumbersAndNullAsGRDBDoes() {
        #expect(StoredDate.decode(1_772_442_000.databaseValue) == Date(timeIntervalSince1970: 1_772_442_000))
        #expect(StoredDate.decode(.null) == nil)
    }
}
