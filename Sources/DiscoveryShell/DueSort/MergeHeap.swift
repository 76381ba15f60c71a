import DiscoveryCore

/// The sources a k-way merge still draws from, least (list key, then source) on top: a binary heap.
struct MergeHeap {
    struct Entry {
        var key: DueList.ListKey
        var source: Int

        /// Before `other` in the merged order: the lesser key, and of equal keys the earlier source.
        func precedes(_ other: Entry) -> Bool { DueList.precedes(key, source, other.key, other.source) }
    }

    private var entries: [Entry] = []

    var top: Entry? { entries.first }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var i = entries.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard entries[i].precedes(entries[parent]) else { break }
            entries.swapAt(i, parent)
            i = parent
        }
    }

    mutating func replaceTop(_ entry: Entry) {
        entries[0] = entry
        siftDown()
    }

    mutating func removeTop() {
        let last = entries.removeLast()
        guard !entries.isEmpty else { return }
        entries[0] = last
        siftDown()
    }

    private mutating func siftDown() {
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var least = i
            if left < entries.count && entries[left].precedes(entries[least]) { least = left }
            if right < entries.count && entries[right].precedes(entries[least]) { least = right }
            if least == i { return }
            entries.swapAt(i, least)
            i = least
        }
    }
}
