import Foundation

/// A uniquely named folder for one test's database, removed when the test ends.
final class TempDatabase {
    let folder: String
    var path: String { folder + "/discovery.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "discovery-store-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
