import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// `DueListMergeSort` gives what `DueList.sortedForList` gives the same items (the reference:
/// list key order, equal keys in the order added), whether the list fits in one run or is
/// spilled in many, the last run full or not; and it counts what the text layout needs.
@Suite struct DueListMergeSortTests {
    static func merged(_ items: [DueItem], runItems: Int, folder: String) throws -> (DueListMergeSort, [DueItem]) {
        var list = DueListMergeSort(runItems: runItems, folder: folder)
        for item in items { try list.add(item) }
        list.finish()
        var out: [DueItem] = []
        try list.forEachItem { out.append(copy $0) }
        return (list, out)
    }

    /// Run bounds that spill (1, 2, 7: the last run in memory full or partial, many runs; one
    /// item over a run), one the list fits exactly, and one larger than the list.
    @Test(arguments: [(1, 40), (2, 41), (7, 500), (7, 497), (64, 65), (64, 64), (1000, 300)])
    func theMergeIsTheReferenceOrder(runItems: Int, count: Int) throws {
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for seed in UInt64(1)...5 {
            let items = DueSortSamples.items(count: count, seed: seed)
            let (list, out) = try Self.merged(items, runItems: runItems, folder: folder)
            #expect(out == DueList.sortedForList(items), "seed \(seed)")
            // A full run is spilled when one more item comes.
            #expect(list.spilledRuns == (count - 1) / runItems)
            #expect(list.count == items.count && list.overdue == items.filter { $0.state == .breached }.count)
        }
    }

    /// Records longer than a run reader's buffer are read back whole.
    @Test func recordsLongerThanTheReadBufferComeBackWhole() throws {
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let items = DueSortSamples.items(count: 120, seed: 9, longEvery: 10)
        let (list, out) = try Self.merged(items, runItems: 7, folder: folder)
        #expect(list.spilledRuns == 17)
        #expect(out == DueList.sortedForList(items))
    }

    /// The list can be walked again (both renderers could be given it) with the same result.
    @Test func aSecondWalkGivesTheSameItems() throws {
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let items = DueSortSamples.items(count: 60, seed: 3)
        let (list, out) = try Self.merged(items, runItems: 7, folder: folder)
        var again: [DueItem] = []
        try list.forEachItem { again.append(copy $0) }
        #expect(again == out)
    }

    /// While the runs sit in the scratch file, the folder shows nothing (the file was unlinked
    /// when made), and nothing is left after.
    @Test func theScratchFileIsNeverSeenInItsFolder() throws {
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let (list, _) = try Self.merged(DueSortSamples.items(count: 100, seed: 4), runItems: 7, folder: folder)
            #expect(list.spilledRuns == 14)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    /// A list that fits in one run never makes a scratch file: even a folder that does not
    /// exist is fine. One that spills says which folder failed, with exit 4, and no item's text.
    @Test func aFolderThatCannotHoldTheScratchFileIsNamed() throws {
        let missing = NSTemporaryDirectory() + "discovery-no-such-folder-" + UUID().uuidString
        let items = DueSortSamples.items(count: 20, seed: 5)
        let (_, fits) = try Self.merged(items, runItems: 20, folder: missing)
        #expect(fits == DueList.sortedForList(items))
        var list = DueListMergeSort(runItems: 7, folder: missing)
        let error = #expect(throws: DiscoveryError.self) { for item in items { try list.add(item) } }
        #expect(error?.kind == .storage)
        #expect(error?.message.hasPrefix("cannot create a scratch file in \(missing) for sorting the due list: No such file or directory") == true,
                "\(error?.message ?? "")")
        #expect(!(error?.message.contains("Mercy") ?? true))
    }
}
