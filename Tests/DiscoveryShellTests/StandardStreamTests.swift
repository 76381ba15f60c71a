#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import DiscoveryCore
import Synchronization
import Testing
@testable import DiscoveryShell

/// A closed pipe is reported to the caller, which decides what to do; the library never ends
/// the process itself.
@Suite struct StandardStreamTests {
    /// A pipe whose reading end is already closed: every write to it fails with EPIPE.
    static func closedPipe() throws -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        return ends[1]
    }

    final class Reports: Sendable {
        let count = Mutex(0)
    }

    @Test func aClosedPipeIsReportedAndTheWritingStops() throws {
        let fd = try Self.closedPipe()
        defer { close(fd) }
        let reports = Reports()
        let stream = StandardStream(fd: fd, onClosedPipe: { reports.count.withLock { $0 += 1 } })
        stream.write("first\n")
        #expect(reports.count.withLock { $0 } == 1)
        try stream.writeChecked("second\n")
        #expect(reports.count.withLock { $0 } == 2)
    }
}
