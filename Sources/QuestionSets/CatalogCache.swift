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
    /// Bumped when the stored form changes (4: `CatalogArchive` instead of JSON).
    static let formatVersion = 4

    public init(folder: String) {
        self.folder = folder
    }

    /// The first line of a stored copy: the format, a hash of the fingerprint of the files it
    /// was built from and a hash of the body. Checking the first two needs no decoding, so a
    /// command that never looks at the question sets pays only for a few `stat` calls and one
    /// small read; the body's hash catches a copy altered or cut short since it was written.
    static func header(fingerprint: String, body: [UInt8]) -> String {
        "\(headerPrefix(fingerprint: fingerprint))\(String(fnv1a(body), radix: 16))\n"
    }

    private static func headerPrefix(fingerprint: String) -> String {
        "discovery-catalog \(formatVersion) \(String(fnv1a(fingerprint), radix: 16)) "
    }

    /// The catalog stored for `directory` when its files are unchanged.
    func lookup(directory: String) -> Catalog? {
        storedCopy(directory: directory).flatMap(Self.decode)
    }

    /// The stored copy's body, when its header matches the folder's files as they are now.
    func storedCopy(directory: String) -> StoredCatalog? {
        guard let fingerprint = Self.fingerprint(directory),
              let bytes = Self.contents(of: path(for: directory)) else { return nil }
        let prefix = Array(Self.headerPrefix(fingerprint: fingerprint).utf8)
        guard bytes.starts(with: prefix), let newline = bytes[prefix.count...].firstIndex(of: UInt8(ascii: "\n")),
              let checksum = UInt64(String(decoding: bytes[prefix.count..<newline], as: UTF8.self), radix: 16)
        else { return nil }
        return StoredCatalog(body: Array(bytes[(newline + 1)...]), checksum: checksum)
    }

    /// Decodes a stored copy; `nil` when it is damaged (its body does not match its hash, or
    /// cannot be read back).
    static func decode(_ stored: StoredCatalog) -> Catalog? {
        guard fnv1a(stored.body) == stored.checksum else { return nil }
        return try? CatalogArchive.decode(stored.body)
    }

    /// A whole file's bytes (read with `open`/`read`: no Foundation on this path); `nil` when it
    /// cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return out }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            out.append(contentsOf: chunk[..<n])
        }
    }

    /// Stores a valid catalog for `directory`: written to a temporary file and renamed into
    /// place, so a reader never sees half a copy.
    func store(_ catalog: Catalog, directory: String) {
        guard let fingerprint = Self.fingerprint(directory) else { return }
        let body = CatalogArchive.encode(catalog)
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder) {
            try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let target = path(for: directory)
        let temp = target + ".\(getpid()).tmp"
        let data = Data(Self.header(fingerprint: fingerprint, body: body).utf8) + Data(body)
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

    /// Path, size and modification time of every file the catalog is read from, and of the
    /// running program (a new version may check the files differently). `nil` when a file
    /// cannot be examined.
    static func fingerprint(_ directory: String) -> String? {
        let folder = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var files = CatalogLoader.yamlFiles(in: folder).map { folder + "/" + $0 }
        files += CatalogLoader.yamlFiles(in: folder + "/profiles").map { folder + "/profiles/" + $0 }
        files.append(folder)
        files.append(folder + "/profiles")
        files.append("/proc/self/exe")
        // Appended line by line rather than joined: `joined` is generic, and its first use is a
        // run-time look-up at every start.
        var text = ""
        for file in files {
            var st = stat()
            guard stat(file, &st) == 0 else { return nil }
            if !text.isEmpty { text += "\n" }
            text += "\(file):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(st.st_ino)"
        }
        return text
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
