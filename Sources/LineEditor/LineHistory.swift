import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent command history: libedit's `History`, loaded from and saved to one file
/// that only its owner can read (it holds organisation and contact names).
///
/// The file is rewritten after every accepted line, through a temporary file and a rename, so
/// a killed shell loses nothing and a crash mid-write never leaves half a history.
final class LineHistory {
    /// libedit's `History *`.
    let handle: OpaquePointer
    let path: String?
    /// Lines longer than this (a pasted data blob) are run but not remembered.
    static let maxRememberedLength = 64 * 1024
    private var warned = false

    init?(path: String?, size: Int32 = 1000) {
        guard let h = history_init() else { return nil }
        handle = h
        self.path = path
        discovery_history_setsize(h, size)
        discovery_history_setunique(h, 1)
    }

    deinit { history_end(handle) }

    /// Creates the folder (0700), tightens an existing file to 0600 and reads it.
    /// A missing file is the normal first run.
    func load() {
        guard let path else { return }
        guard Self.makeFolder(of: path) else {
            warn("cannot create the folder for the history file \(path): \(String(cString: strerror(errno)))")
            return
        }
        if access(path, F_OK) == 0 {
            _ = chmod(path, 0o600)
            if discovery_history_load(handle, path) < 0 {
                warn("cannot read the history file \(path); starting with an empty history")
            }
        }
    }

    /// The newest entry, if any.
    var newest: String? { discovery_history_newest(handle).map { String(cString: $0) } }

    /// Remembers an accepted line and saves the file. Blank lines, a repeat of the previous
    /// entry and very long lines are not added.
    func add(_ line: String) {
        guard line.contains(where: { $0 != " " && $0 != "\t" }),
              line.utf8.count <= Self.maxRememberedLength,
              line != newest else { return }
        discovery_history_enter(handle, line)
        save()
    }

    /// Writes the whole history to a 0600 temporary file beside the target, then renames it.
    func save() {
        guard let path else { return }
        guard Self.makeFolder(of: path) else {
            warn("cannot create the folder for the history file \(path): \(String(cString: strerror(errno)))")
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            warn("cannot write the history file \(path): \(String(cString: strerror(errno)))")
            return
        }
        _ = fchmod(fd, 0o600)
        close(fd)
        if discovery_history_save(handle, temporary) < 0 || rename(temporary, path) != 0 {
            warn("cannot write the history file \(path): \(String(cString: strerror(errno)))")
            unlink(temporary)
        }
    }

    /// Creates the history file's folder, owner-only, with its missing parents.
    static func makeFolder(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if folder.isEmpty { return true }
        var parents: [String] = []
        for i in folder.indices where folder[i] == "/" && i != folder.startIndex {
            parents.append(String(folder[..<i]))
        }
        var isNew = false
        for dir in parents + [folder] {
            if mkdir(dir, 0o700) == 0 {
                isNew = dir == folder
            } else if errno != EEXIST {
                return false
            }
        }
        // The folder that holds the file is ours: keep it owner-only even when it existed.
        if !isNew { _ = chmod(folder, 0o700) }
        return true
    }

    private func warn(_ message: String) {
        guard !warned else { return }
        warned = true
        fputs("warning: \(message)\n", discovery_stderr())
    }
}
