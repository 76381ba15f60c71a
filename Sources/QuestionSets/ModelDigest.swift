import DiscoveryCore
import Foundation

/// The model version of a local question-set folder: a hash of every file the catalog is read
/// from (each set, `signals.yaml`, routing, `profiles/*.yaml`), by relative path and content, so
/// the same files give the same version wherever the folder lives and any edit changes it.
public enum ModelDigest {
    public static func version(directory: String) -> ModelVersion {
        let folder = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var files = CatalogLoader.yamlFiles(in: folder).sorted()
        files += CatalogLoader.yamlFiles(in: folder + "/profiles").sorted().map { "profiles/" + $0 }
        guard !files.isEmpty else { return .local(digest: nil) }
        var text = ""
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { return .local(digest: nil) }
            text += file + "\u{0}" + String(decoding: data, as: UTF8.self) + "\u{0}"
        }
        let hash = CatalogCache.fnv1a(text)
        let hex = String(hash, radix: 16)
        return .local(digest: String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
