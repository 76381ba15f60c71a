import Foundation
import Testing

/// The program closes its database before it exits (`StorageLifetime.close`): SQLite then
/// checkpoints the write-ahead log into the file and removes the `-wal` and `-shm` files. The
/// process ends without tearing the store down, so without the close both would be left behind.
@Suite struct DatabaseCloseTests {
    static func sideFiles(_ db: String) -> [String] {
        ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: db + $0) }
    }

    @Test(arguments: [
        (["lead", "new", "Mercy Regional"], ""),
        (["lead", "list", "--json"], ""),
        ([], "lead new \"St. Anne\"\nlead list\n"),
        (["status", "L99"], ""),
    ])
    func theDatabaseIsClosedWhenTheProgramEnds(arguments: [String], script: String) throws {
        let home = NSTemporaryDirectory() + "discovery-close-" + UUID().uuidString
        let db = home + "/book.sqlite"
        let first = try Binary.run(["lead", "new", "Riverside Clinic"], home: home, database: db)
        #expect(first.status == 0, "\(first.stderr)")
        let r = try Binary.run(arguments, stdin: script, home: home, database: db)
        // `status L99` fails (no such lead): the close happens on every path that opened the file.
        #expect(r.status == (arguments.first == "status" ? 1 : 0), "\(r.stderr)")
        #expect(Self.sideFiles(db) == [], "left behind: \(Self.sideFiles(db))")
        // Everything written is in the main file itself.
        let listed = try Binary.run(["lead", "list"], home: home, database: db)
        #expect(listed.stdout.contains("Riverside Clinic"))
        if arguments.first == "lead" && arguments.count > 1 && arguments[1] == "new" {
            #expect(listed.stdout.contains("Mercy Regional"))
        }
    }
}
