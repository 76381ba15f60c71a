#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DiscoveryCore
import Foundation

/// Writes a file so that the name never holds a partial file: the text goes to a temporary
/// file in the same folder, which is flushed to disk (`fsync`) and only then given the final
/// name. Rules, checked before anything is written:
/// - an existing file is replaced only with `force` (and then atomically, by `rename`);
/// - a symbolic link at the target is never followed or replaced, with or without `force`;
/// - a folder at the target is refused;
/// - a path with `..` is fine when its folder exists: the message names the folder it resolved to;
/// - a device or pipe at the target (`/dev/full`, a FIFO) is written directly: there is no file to protect.
/// A full disk or an I/O error ends in a `storage` error (exit 4) and removes the temporary file.
/// The file is created owner-only (0600): exports hold personal data.
public final class SafeFileWriter: TextSink {
    /// The path as the user gave it, for messages.
    public let path: String
    private let finalPath: String
    private let tempPath: String?
    private let folder: String
    private let force: Bool
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    static let flushSize = 1 << 16

    public init(path: String, force: Bool) throws(DiscoveryError) {
        self.path = path
        self.force = force
        guard !path.isEmpty else { throw .usage("--out needs a file name") }
        guard !path.hasSuffix("/") else { throw .failed("\(path): is a folder name; give a file name, e.g. \(path)export.csv") }
        let kind = try Self.kind(of: path)
        switch kind {
        case .symlink:
            throw .failed("\(path): is a symbolic link; refusing to write through it. Remove the link or choose another file name")
        case .directory:
            throw .failed("\(path): is a folder; give a file name inside it, e.g. \(path)/export.csv")
        case .regular where !force:
            throw .failed("\(path): already exists; add --force to replace it, or choose another file name")
        case .device:
            // /dev/full, a FIFO: write straight to it; no temporary file, no rename.
            let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { throw Self.storageError(path, errno, doing: "cannot open") }
            self.fd = fd
            finalPath = path
            tempPath = nil
            folder = ""
            return
        case .regular, .missing:
            break
        }
        folder = try Self.realFolder(of: path)
        let name = (path as NSString).lastPathComponent
        finalPath = folder + "/" + name
        var opened: (Int32, String)?
        for _ in 0..<8 {
            let candidate = folder + "/.\(name).tmp-\(String(UInt32.random(in: .min ... .max), radix: 36))"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { opened = (fd, candidate); break }
            if errno != EEXIST { throw Self.storageError(path, errno, doing: "cannot create a temporary file in \(folder)") }
        }
        guard let (fd, temp) = opened else { throw .storage("\(path): cannot create a temporary file in \(folder)") }
        self.fd = fd
        tempPath = temp
    }

    deinit { discard() }

    /// Appends text; it reaches the disk in blocks.
    public func write(_ text: String) throws(DiscoveryError) {
        guard !finished else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered, syncs the file and gives it its final name. After an error the
    /// temporary file is gone and the final name untouched.
    public func commit() throws(DiscoveryError) {
        guard !finished else { return }
        do throws(DiscoveryError) {
            try flush()
            if let tempPath {
                if fsync(fd) != 0 { throw Self.storageError(path, errno, doing: "cannot sync") }
                let closed = close(fd)
                fd = -1
                if closed != 0 { throw Self.storageError(path, errno, doing: "cannot close") }
                try place(tempPath)
                syncFolder()
            } else {
                let closed = close(fd)
                fd = -1
                if closed != 0 { throw Self.storageError(path, errno, doing: "cannot close") }
            }
            finished = true
        } catch {
            discard()
            throw error
        }
    }

    /// Abandons the file: the temporary file is removed, the final name never appears.
    public func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        if !finished, let tempPath { unlink(tempPath) }
        finished = true
    }

    private func flush() throws(DiscoveryError) {
        var offset = 0
        let count = buffer.count
        while offset < count {
            let n = buffer.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + offset, count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.storageError(path, errno, doing: "cannot write")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Gives the temporary file the final name: without `force`, `link` fails if the name was
    /// taken meanwhile; with `force`, `rename` replaces the old file in one step.
    private func place(_ temp: String) throws(DiscoveryError) {
        if force {
            if case .symlink = try Self.kind(of: finalPath) {
                throw .failed("\(path): became a symbolic link while writing; nothing was written")
            }
            if case .directory = try Self.kind(of: finalPath) {
                throw .failed("\(path): became a folder while writing; nothing was written")
            }
            guard rename(temp, finalPath) == 0 else { throw Self.storageError(path, errno, doing: "cannot rename the temporary file") }
            return
        }
        if link(temp, finalPath) == 0 {
            unlink(temp)
            return
        }
        let e = errno
        if e == EEXIST { throw .failed("\(path): appeared while writing; it was left as it is. Add --force to replace it") }
        // Some file systems have no hard links: check again, then rename.
        guard e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EXDEV || e == EMLINK else {
            throw Self.storageError(path, e, doing: "cannot give the file its name")
        }
        guard case .missing = try Self.kind(of: finalPath) else {
            throw .failed("\(path): appeared while writing; it was left as it is. Add --force to replace it")
        }
        guard rename(temp, finalPath) == 0 else { throw Self.storageError(path, errno, doing: "cannot rename the temporary file") }
    }

    private func syncFolder() {
        let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        _ = fsync(dfd)
        close(dfd)
    }

    enum Kind { case missing, regular, directory, symlink, device }

    /// What is at `path`, without following a final symbolic link.
    static func kind(of path: String) throws(DiscoveryError) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            let e = errno
            if e == ENOENT { return .missing }
            if e == ENOTDIR { throw .failed("\(path): a part of the path before the file name is not a folder") }
            throw storageError(path, e, doing: "cannot look at the path")
        }
        switch st.st_mode & S_IFMT {
        case S_IFLNK: return .symlink
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .device
        }
    }

    /// The folder the file goes in, with `..` and links in it resolved; it must exist.
    static func realFolder(of path: String) throws(DiscoveryError) -> String {
        let given = (path as NSString).deletingLastPathComponent
        let dir = given.isEmpty ? "." : given
        guard let resolved = realpath(dir, nil) else {
            let e = errno
            let shown = dir.split(separator: "/").contains("..")
                ? "'\(dir)' (that is \(URL(fileURLWithPath: dir).standardized.path))" : "'\(dir)'"
            if e == ENOENT { throw .failed("\(path): the folder \(shown) does not exist; create it first or choose another path") }
            if e == ENOTDIR { throw .failed("\(path): \(shown) is not a folder") }
            throw storageError(path, e, doing: "cannot reach the folder \(shown)")
        }
        defer { free(resolved) }
        let folder = String(cString: resolved)
        var st = stat()
        guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw .failed("\(path): '\(dir)' is not a folder")
        }
        return folder
    }

    static func storageError(_ path: String, _ code: Int32, doing what: String) -> DiscoveryError {
        switch code {
        case ENOSPC, EDQUOT:
            return .storage("\(path): the disk is full (no space left on device); no partial file was left under that name. Free some space and try again")
        case EACCES, EPERM:
            return .storage("\(path): \(what): permission denied. Choose a folder you can write to")
        case EROFS:
            return .storage("\(path): \(what): the file system is read-only")
        default:
            return .storage("\(path): \(what): \(String(cString: strerror(code)))")
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
