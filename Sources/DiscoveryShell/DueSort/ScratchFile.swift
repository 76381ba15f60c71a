#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import DiscoveryCore

/// A file for bytes too many to keep in memory, that nobody else can read and that nothing is
/// left of: created owner-only (0600) in `folder` and unlinked at once, so it has no name and
/// its space is freed when the descriptor closes, even when the process is killed. Written at
/// its end, read back at any offset, through the descriptor. Errors name the folder and the
/// job (`purpose`), never the bytes (they hold personal data).
final class ScratchFile {
    let folder: String
    /// The open descriptor (the file's only handle).
    let descriptor: Int32
    /// How many bytes were written.
    private(set) var size = 0
    private let purpose: String

    /// `purpose` says what the file is for, e.g. `sorting the due list`.
    init(folder: String, purpose: String) throws(DiscoveryError) {
        self.folder = folder
        self.purpose = purpose
        var template = Array(((folder.hasSuffix("/") ? folder : folder + "/") + "discovery-scratch-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw .storage("cannot create a scratch file in \(folder) for \(purpose): \(Self.reason(errno)); "
                           + "point TMPDIR at a writable folder with free space")
        }
        // mkstemp creates the file 0600; said again in case a platform's does not. Not
        // handed to a child process.
        _ = fchmod(fd, 0o600)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let unlinked = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        guard unlinked == 0 else {
            let e = errno
            close(fd)
            throw .storage("cannot remove the scratch file made in \(folder) for \(purpose): \(Self.reason(e))")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends `bytes` at the end of the file.
    func append(_ bytes: [UInt8]) throws(DiscoveryError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + offset, $0.count - offset, off_t(size + offset)) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                if e == ENOSPC || e == EDQUOT {
                    throw .storage("the disk holding \(folder) is full (no space left on device) while \(purpose); "
                                   + "free some space or point TMPDIR at a folder on another disk")
                }
                throw .storage("cannot write the scratch file in \(folder) while \(purpose): \(Self.reason(e))")
            }
            offset += n
        }
        size += bytes.count
    }

    /// Reads up to `buffer.count` bytes from `offset` into `buffer`; how many were read (fewer
    /// only at the end of the file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(DiscoveryError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                throw .storage("cannot read back the scratch file in \(folder) while \(purpose): \(Self.reason(e))")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
