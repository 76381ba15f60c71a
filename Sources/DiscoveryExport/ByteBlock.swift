import DiscoveryCore

/// Output written as bytes into one reused block that goes to a sink each time it fills: a
/// long list (`due`, `lead list`, `audit`, `due --json`) is neither kept as one text nor sent
/// with one system call per line.
public struct ByteBlock {
    /// How many bytes are gathered before they go to the sink.
    public static let size = 1 << 16
    /// What has been written since the block last went out; append to it.
    public var bytes: [UInt8] = []
    private let sink: TextSink

    public init(to sink: TextSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.size + 1024)
    }

    /// Sends the block once it holds `size` bytes or more.
    public mutating func sendIfFull() throws(DiscoveryError) {
        if bytes.count >= Self.size { try send() }
    }

    /// Sends what the block holds.
    public mutating func send() throws(DiscoveryError) {
        try sink.write(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }
}
