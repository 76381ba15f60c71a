#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import DiscoveryCore

/// Where a command writes its text.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// Like `write`, but a failure (a full disk, an I/O error) is thrown as a storage error
    /// (exit 4) instead of being ignored: for data such as an export.
    func writeChecked(_ text: String) throws(DiscoveryError)
}

extension TextOutput {
    public func writeChecked(_ text: String) throws(DiscoveryError) { write(text) }
}

/// Standard output or error, written with write(2), retrying on EINTR. A closed pipe
/// (`discovery export | head`) is reported to `onClosedPipe` and ends the writing quietly; the
/// program decides what it means (the CLI ends with exit 0). SIGPIPE must be ignored.
public final class StandardStream: TextOutput, Sendable {
    let fd: Int32
    private let onClosedPipe: @Sendable () -> Void

    public init(fd: Int32, onClosedPipe: @escaping @Sendable () -> Void) {
        self.fd = fd
        self.onClosedPipe = onClosedPipe
    }

    /// Whether this is the process's standard error.
    public var isStandardError: Bool { fd == 2 }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { onClosedPipe() }
                return
            }
            offset += n
        }
    }

    public func writeChecked(_ text: String) throws(DiscoveryError) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                if e == EPIPE { return onClosedPipe() }
                let name = fd == 1 ? "standard output" : "standard error"
                if e == ENOSPC || e == EDQUOT {
                    throw .storage("\(name): the disk is full (no space left on device); the output is incomplete")
                }
                throw .storage("\(name): cannot write: \(String(cString: strerror(e)))")
            }
            offset += n
        }
    }
}

/// Collects output in memory (tests, and commands that render before writing).
public final class BufferOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
    public func reset() { text = "" }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
