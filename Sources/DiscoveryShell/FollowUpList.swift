import DiscoveryCore
import DiscoveryStorage
import Foundation

/// The follow-ups due today or overdue, as `due` and the shell's start-up line see them.
enum FollowUpList {
    /// What `due` lists (`DueList.lists`), in its order (`DueListMergeSort`: in bounded
    /// memory, a long list sorted through a scratch file in `session.scratchFolder`). The
    /// records are read one at a time; of the listed items, at most a run is kept in memory.
    static func due(_ session: Session, owner: String?) throws(DiscoveryError) -> DueListMergeSort {
        var list = DueListMergeSort(runItems: session.dueRunItems, folder: session.scratchFolder)
        // The storage's reading cannot be stopped from here: after a failed spill the rest is
        // read and dropped, and the failure thrown.
        var failure: DiscoveryError?
        try forEachItem(session, owner: owner) { item in
            guard failure == nil, DueList.lists(item, owner: owner) else { return }
            do throws(DiscoveryError) { try list.add(item) } catch { failure = error }
        }
        if let failure { throw failure }
        list.finish()
        return list
    }

    /// Every item `owner`'s records give (all of them without `owner`), due or not, as the
    /// storage hands the records out.
    /// With `toCount`, the items may lack their organisation and notes (`forEachFollowUpInputToCount`).
    /// Each item is handed over (`consuming`): kept, it is moved, not copied.
    static func forEachItem(_ session: Session, owner: String?, toCount: Bool = false,
                            _ body: (consuming DueItem) -> Void) throws(DiscoveryError) {
        let now = session.now()
        let highPriority = try session.highPrioritySignals
        let before = BusinessTime.endOfDay(now)
        let each = { (input: FollowUpInput) in
            if let item = DueList.item(input, highPriority: highPriority, now: now) { body(item) }
        }
        if toCount, let owner {
            try session.store.forEachFollowUpInputToCount(before: before, owner: owner, each)
        } else {
            try session.store.forEachFollowUpInput(before: before, owner: owner, each)
        }
    }

    /// The one line the interactive shell prints at start: how many follow-ups are due or
    /// overdue for the user, counted without keeping the list. `nil` when the database cannot
    /// say (the shell starts anyway).
    static func startNotice(_ session: Session) -> String? {
        var counts = DueList.Counts()
        let owner = session.user
        guard (try? forEachItem(session, owner: owner, toCount: true) { counts.add($0, owner: owner) }) != nil else { return nil }
        guard counts.listed > 0 else { return "No follow-ups due today for \(owner)." }
        let plural = counts.listed == 1 ? "follow-up" : "follow-ups"
        let detail = counts.overdue > 0 ? " (\(counts.overdue) overdue)" : ""
        return "\(counts.listed) \(plural) due today or overdue for \(owner)\(detail): type 'due --owner \(owner)'."
    }
}

extension Session {
    /// Signal kinds marked `priority: high` in the catalog: they shorten the first-attempt SLA to 4 hours.
    var highPrioritySignals: Set<String> {
        get throws(DiscoveryError) { Set(try catalog.signals.filter { $0.priority == .high }.map(\.id)) }
    }
}
