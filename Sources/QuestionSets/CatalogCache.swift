import DiscoveryCore
import Foundation

/// A copy of a valid catalog, kept so start-up need not parse YAML again: parsing and checking
/// the bundled sets costs more than everything else a one-shot command does. The copy is used
/// only while every file it was built from (each set, profile and signals file, and the running
/// program) still has the same path, size and modification time; otherwise the folder is read
/// again and the copy replaced. Only a catalog that passed every check is ever stored, so an
/// invalid file is always reported. A cache that cannot be read or written is ignored.
public struct CatalogCache: Sendable {
    /// Where the copies live (e.g. `$XDG_CACHE_HOME/discovery`), created owner-only.
    public let folder: String
    /// Bumped when the stored form changes (4: `CatalogArchive` instead of JSON; 5: the names
    /// of the files it was built from stored in it, so checking it lists no folder).
    static let formatVersion = 5

    public init(folder: String) {
        self.folder = folder
    }

    /// The head of a stored copy: a line with the format, a hash of the fingerprint of the
    /// files it was built from, a hash of the body and the number of those files, then their
    /// names (relative to the folder), a line each. Checking it needs no decoding and no
    /// listing of the folder, so a command that never looks at the question sets pays only for
    /// one small read and a few `stat` calls; the body's hash catches a copy altered or cut
    /// short since it was written.
    static func header(fingerprint: String, files: [String], body: [UInt8]) -> String {
        var text = "\(headerPrefix(fingerprint: fingerprint))\(String(fnv1a(body), radix: 16)) \(files.count)\n"
        for file in files { text += file + "\n" }
        return text
    }

    private static func headerPrefix(fingerprint: String) -> String {
        "discovery-catalog \(formatVersion) \(String(fnv1a(fingerprint), radix: 16)) "
    }

    /// The catalog stored for `directory` when its files are unchanged.
    func lookup(directory: String) -> Catalog? {
        storedCopy(directory: directory).flatMap(Self.decode)
    }

    /// The stored copy's body, when its head matches the folder's files as they are now. The
    /// files are those the copy names: a file added, removed or renamed since changes its
    /// folder's modification time, which the fingerprint holds.
    func storedCopy(directory: String) -> StoredCatalog? {
        guard let bytes = Self.contents(of: path(for: directory)) else { return nil }
        guard let end = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let first = bytes[..<end]
        let fields = first.split(separator: UInt8(ascii: " "))
        guard fields.count == 5, let checksum = UInt64(String(decoding: fields[3], as: UTF8.self), radix: 16),
              let count = Int(String(decoding: fields[4], as: UTF8.self)), count >= 0 else { return nil }
        var rest = bytes[(end + 1)...]
        var files: [String] = []
        for _ in 0..<count {
            guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            files.append(String(decoding: rest[..<newline], as: UTF8.self))
            rest = rest[(newline + 1)...]
        }
        guard let fingerprint = Self.fingerprint(directory, files: files),
              first.starts(with: Self.headerPrefix(fingerprint: fingerprint).utf8) else { return nil }
        return StoredCatalog(body: Array(rest), checksum: checksum)
    }

    /// Decodes a stored copy; `nil` when it is damaged (its body does not match its hash, or
    /// cannot be read back).
    static func decode(_ stored: StoredCatalog) -> Catalog? {
        guard fnv1a(stored.body) == stored.checksum else { return nil }
        return try? CatalogArchive.decode(stored.body)
    }

    /// A whole file's bytes, read at once into a buffer of the file's size (with `open`,
    /// `fstat` and `read`: no Foundation on this path); `nil` when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        // One byte more than the size, so that a file grown since `fstat` is seen to be.
        let capacity = Int(st.st_size) + 1
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let n = read(fd, buffer.baseAddress! + count, capacity - count)
                if n == 0 { return }
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                count += n
            }
        }
        guard !failed else { return nil }
        guard bytes.count == capacity else { return bytes }
        // Grown while read: the rest, the slow way.
        var all = bytes
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return all }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            all.append(contentsOf: chunk[..<n])
        }
    }

    /// Stores a valid catalog for `directory`: written to a temporary file and renamed into
    /// place, so a reader never sees half a copy.
    func store(_ catalog: Catalog, directory: String) {
        let files = Self.sourceFiles(directory)
        // A name that would break the head's lines is not stored: that folder is read each time.
        guard !files.contains(where: { $0.contains("\n") }), let fingerprint = Self.fingerprint(directory, files: files) else { return }
        let body = CatalogArchive.encode(catalog)
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder) {
            try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let target = path(for: directory)
        let temp = target + ".\(getpid()).tmp"
        let data = Data(Self.header(fingerprint: fingerprint, files: files, body: body).utf8) + Data(body)
        guard fm.createFile(atPath: temp, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp, target) != 0 { unlink(temp) }
    }

    /// One file per question-set folder, named by a hash of its real path (`realpath`: no
    /// `..`, no symbolic links; the path as given when the folder cannot be resolved).
    func path(for directory: String) -> String {
        var absolute = directory
        if let resolved = realpath(directory, nil) {
            absolute = String(cString: resolved)
            free(resolved)
        }
        return folder + "/catalog-" + String(Self.fnv1a(absolute), radix: 16) + ".archive"
    }

    /// The files a catalog is read from, relative to `directory`: each set and signals file,
    /// and each profile, in order.
    static func sourceFiles(_ directory: String) -> [String] {
        let folder = trimmed(directory)
        return CatalogLoader.yamlFiles(in: folder) + CatalogLoader.yamlFiles(in: folder + "/profiles").map { "profiles/" + $0 }
    }

    /// Path, size, modification time and inode of each of `files` (relative to `directory`),
    /// of the folder and its profiles folder (whose times change when a file is added, removed
    /// or renamed), and of the running program (a new version may check the files
    /// differently). `nil` when a file cannot be examined.
    static func fingerprint(_ directory: String, files: [String]) -> String? {
        let folder = trimmed(directory)
        // Appended line by line rather than joined: `joined` is generic, and its first use is a
        // run-time look-up at every start.
        var text = ""
        func add(_ file: String) -> Bool {
            var st = stat()
            guard stat(file, &st) == 0 else { return false }
            if !text.isEmpty { text += "\n" }
            text += "\(file):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(st.st_ino)"
            return true
        }
        for file in files {
            guard add(folder + "/" + file) else { return nil }
        }
        guard add(folder), add(folder + "/profiles"), add("/proc/self/exe") else { return nil }
        return text
    }

    private static func trimmed(_ directory: String) -> String {
        directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A stored copy's body and the hash its header gives for it.
struct StoredCatalog: Sendable {
    let body: [UInt8]
    let checksum: UInt64
}

extension CatalogLoader {
    /// `load(directory:)`, answered from `cache` when the folder's files are unchanged since a
    /// valid catalog was stored for it.
    public static func load(directory: String, cache: CatalogCache?) throws(DiscoveryError) -> Catalog {
        guard let cache else { return try load(directory: directory) }
        if let catalog = cache.lookup(directory: directory) { return catalog }
        let catalog = try load(directory: directory)
        cache.store(catalog, directory: directory)
        return catalog
    }

    /// Makes sure now that the folder's sets are valid (every command refuses to start on
    /// invalid sets) and returns how to get the catalog. A cached copy of unchanged files was
    /// valid when stored: it is decoded only when first asked for, so a command that needs no
    /// question sets does not wait for them. A damaged copy makes the folder be read again.
    public static func checked(directory: String, cache: CatalogCache?) throws(DiscoveryError) -> () throws(DiscoveryError) -> Catalog {
        if let cache, let stored = cache.storedCopy(directory: directory) {
            return { () throws(DiscoveryError) -> Catalog in
                if let catalog = CatalogCache.decode(stored) { return catalog }
                return try load(directory: directory, cache: cache)
            }
        }
        let catalog = try load(directory: directory, cache: cache)
        return { catalog }
    }
}
