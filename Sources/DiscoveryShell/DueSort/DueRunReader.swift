import DiscoveryCore

/// One sorted run of the due list's scratch file (`DueListMergeSort`), read back item by item
/// through a buffer of its own (64 KiB, grown only for a record longer than that).
struct DueRunReader {
    private let file: ScratchFile
    /// Where the run's unread bytes begin in the file, and where the run ends.
    private var next: Int
    private let end: Int
    /// The bytes read from the file; `start..<filled` are not handed out yet.
    private var buffer: [UInt8]
    private var start = 0, filled = 0

    static let bufferSize = 1 << 16

    init(file: ScratchFile, run: Range<Int>) {
        self.file = file
        next = run.lowerBound
        end = run.upperBound
        buffer = [UInt8](repeating: 0, count: Self.bufferSize)
    }

    /// The run's next item; `nil` after its last.
    mutating func read() throws(DiscoveryError) -> DueItem? {
        while true {
            if start < filled {
                let whole = buffer.withUnsafeBytes { bytes in
                    DueItemRecord.end(ofRecordAt: start, in: UnsafeRawBufferPointer(rebasing: bytes[..<filled]))
                }
                if let recordEnd = whole, recordEnd <= filled {
                    let item = buffer.withUnsafeBytes { DueItemRecord.item(at: start, end: recordEnd, in: $0) }
                    guard let item else { throw damaged }
                    start = recordEnd
                    return item
                }
                if next == end { throw damaged }
                try refill(toHold: whole.map { $0 - start } ?? 0)
            } else {
                if next == end { return nil }
                try refill(toHold: 0)
            }
        }
    }

    /// Moves the unread bytes to the front and reads more after them: at least `count` bytes
    /// in all (the buffer grows to hold them) when the run has them.
    private mutating func refill(toHold count: Int) throws(DiscoveryError) {
        let kept = filled - start
        if count > buffer.count { buffer.append(contentsOf: repeatElement(0, count: count - buffer.count)) }
        let want = min(buffer.count - kept, end - next)
        let offset = next
        let read = buffer.withUnsafeMutableBytes { bytes in
            // `copyMemory` is a memmove: the two ranges may overlap.
            if kept > 0 && start > 0 { bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: kept) }
            return Result { () throws(DiscoveryError) in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[kept..<(kept + want)]), at: offset)
            }
        }
        let got = try read.get()
        guard got == want else { throw damaged }
        start = 0
        filled = kept + got
        next += got
    }

    private var damaged: DiscoveryError {
        .storage("the scratch file in \(file.folder) came back damaged while sorting the due list; run the command again")
    }
}
