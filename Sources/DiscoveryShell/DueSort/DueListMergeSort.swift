import DiscoveryCore

/// Puts the items `due` lists into list order (`DueList.listKey`; equal keys in the order they
/// were added) in bounded memory, however long the list: an external merge sort.
///
/// Items are kept in a run of at most `runItems`; a full run is sorted (`DueList.sortForList`)
/// and written to one scratch file (`ScratchFile`, `DueItemRecord`), and the next run starts.
/// `finish` sorts the last run, kept in memory; `forEachItem` then merges the runs (read back
/// through a small buffer each) and the last one into list order, a tie going to the earlier
/// run, which holds the earlier items. A list that fits in one run never touches the disk.
/// The counts the text layout needs are kept as items are added.
struct DueListMergeSort: DueItemSource {
    /// Items kept in memory at most (about 300 bytes each, their strings counted): a
    /// 100,000-lead book lists about 63,500 and is sorted without a spill; at 1,000,000 leads
    /// (635,000 items, 7 runs) `due` peaked at 62 MB instead of 231 (150,000 gave 78 MB).
    static let defaultRunItems = 100_000

    /// How many items were added, and how many of them are overdue.
    private(set) var count = 0
    private(set) var overdue = 0
    private let runItems: Int
    private let folder: String
    /// The run being collected, then (after `finish`) the last run, sorted.
    private var items: [DueItem] = []
    /// The scratch file, once a run was spilled, and the byte range of each run written to it.
    private var file: ScratchFile?
    private var runs: [Range<Int>] = []

    /// `folder` is where a scratch file is made if the list needs one (the system's temporary
    /// folder: `TMPDIR`, else `/tmp`).
    init(runItems: Int = defaultRunItems, folder: String) {
        self.runItems = max(1, runItems)
        self.folder = folder
    }

    /// How many runs went to the scratch file.
    var spilledRuns: Int { runs.count }

    mutating func add(_ item: consuming DueItem) throws(DiscoveryError) {
        count += 1
        if item.state == .breached { overdue += 1 }
        // A full run is spilled when one more item comes: a list of `runItems` stays in memory.
        if items.count == runItems { try spill() }
        // The run's array grows by doubling up to the bound, never past it.
        if items.count == items.capacity && items.capacity < runItems {
            items.reserveCapacity(min(runItems, max(16, items.capacity * 2)))
        }
        items.append(item)
    }

    /// Sorts the last run: call once, after the last `add`.
    mutating func finish() {
        DueList.sortForList(&items)
    }

    /// Sorts the run and appends it to the scratch file, written in blocks of about 1 MiB.
    private mutating func spill() throws(DiscoveryError) {
        DueList.sortForList(&items)
        let file: ScratchFile
        if let made = self.file {
            file = made
        } else {
            file = try ScratchFile(folder: folder, purpose: "sorting the due list")
            self.file = file
        }
        let begin = file.size
        var block: [UInt8] = []
        block.reserveCapacity(Self.blockSize + 4096)
        for i in items.indices {
            DueItemRecord.append(items[i], to: &block)
            if block.count >= Self.blockSize {
                try file.append(block)
                block.removeAll(keepingCapacity: true)
            }
        }
        try file.append(block)
        runs.append(begin..<file.size)
        items.removeAll(keepingCapacity: true)
    }

    private static let blockSize = 1 << 20

    /// The items in list order (after `finish`).
    func forEachItem(_ body: (borrowing DueItem) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        guard let file else { return try items.forEachItem(body) }
        // Sources 0..<runs.count are the spilled runs, in the order they were written; the
        // last is the run in memory. Each source's current item sits in `heads`, and `heap`
        // orders the sources that still have one by (that item's key, source).
        var readers = runs.map { DueRunReader(file: file, run: $0) }
        let memory = runs.count
        var position = 0
        func advance(_ source: Int) throws(DiscoveryError) -> DueItem? {
            if source < memory { return try readers[source].read() }
            guard position < items.count else { return nil }
            position += 1
            return items[position - 1]
        }
        var heads: [DueItem?] = []
        var heap = MergeHeap()
        for source in 0...memory {
            let item = try advance(source)
            if let item { heap.insert(MergeHeap.Entry(key: DueList.listKey(item), source: source)) }
            heads.append(item)
        }
        while let top = heap.top {
            try body(heads[top.source]!)
            let item = try advance(top.source)
            heads[top.source] = item
            if let item {
                heap.replaceTop(MergeHeap.Entry(key: DueList.listKey(item), source: top.source))
            } else {
                heap.removeTop()
            }
        }
    }
}
