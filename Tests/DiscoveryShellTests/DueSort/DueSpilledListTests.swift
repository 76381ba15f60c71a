import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// `due`, `due --owner U` and `due --json` print the same bytes when the list goes through
/// the scratch file (a run of 1 or 2 items) as when it is sorted in memory, at several clocks;
/// the folder keeps nothing; a folder that cannot take the file fails `due` with exit 4,
/// named, and without an item's text.
@Suite struct DueSpilledListTests {
    static let commands = ["due", "due --json", "due --owner ana", "due --owner sam --json", "due --owner nobody", "due --owner nobody --json"]

    @Test(arguments: [1, 2])
    func theSpilledListPrintsWhatTheListInMemoryPrints(runItems: Int) throws {
        let t = try PipelineFixture.build()
        let folder = try DueSortSamples.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for clock in ["2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z", "2026-03-03T11:00:00Z"] {
            t.clock.set(clock)
            for command in Self.commands {
                t.session.dueRunItems = DueListMergeSort.defaultRunItems
                let inMemory = t.output(command)
                t.session.dueRunItems = runItems
                t.session.scratchFolder = folder
                let spilled = t.output(command)
                #expect(inMemory.code == 0 && spilled.code == 0, "\(command): \(spilled.err)")
                #expect(spilled.out == inMemory.out, "\(command) at \(clock)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
            }
        }
        // The list spilled: more than two items at 09:00.
        t.clock.set("2026-03-02T09:00:00Z")
        #expect(try FollowUpList.due(t.session, owner: nil).spilledRuns >= 2)
    }

    @Test func aFolderThatCannotTakeTheScratchFileFailsDueByName() throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let missing = NSTemporaryDirectory() + "discovery-no-such-folder-" + UUID().uuidString
        t.session.scratchFolder = missing
        // A list that fits in memory never needs it.
        #expect(t.output("due").code == 0)
        t.session.dueRunItems = 1
        for command in ["due", "due --json"] {
            let r = t.output(command)
            #expect(r.code == 4, "\(r)")
            #expect(r.err.contains("cannot create a scratch file in \(missing) for sorting the due list"), "\(r.err)")
            #expect(!r.err.contains("Harbor") && r.out.isEmpty, "\(r)")
        }
    }
}
