#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import DiscoveryShell

/// The program's standard output and error. When the reader goes away (`discovery export | head`)
/// the program has nothing left to do: it ends quietly with exit 0, as `cat` and `grep` do.
enum StandardStreams {
    static let out = StandardStream(fd: 1, onClosedPipe: readerHasGone)
    static let err = StandardStream(fd: 2, onClosedPipe: readerHasGone)

    @Sendable private static func readerHasGone() { exit(0) }
}
