import Foundation
import Testing

/// The binary's `due` sorted through its scratch file (`DISCOVERY_DUE_RUN_ITEMS=1`, for tests)
/// prints what it prints in memory, makes the file in `TMPDIR` and leaves nothing there; a bad
/// bound is a usage error, a folder that cannot take the file a storage error naming it.
@Suite struct DueScratchBinaryTests {
    static let book = """
        lead new 'Mercy Regional' --owner sam
        next set demo --due 2026-03-02 --note 'Zoë "OR" team'
        lead new 'Clínica São José' --owner ana
        next set demo --due 2026-03-02
        call L2 busy
        lead new 'Harbor IDN' --owner ana
        call L3 busy
        next set technical-review --due 2026-03-02 --owner sam

        """

    @Test func theScratchPathPrintsTheSameAndLeavesNothingInTMPDIR() throws {
        let home = NSTemporaryDirectory() + "discovery-e2e-" + UUID().uuidString
        let db = home + "/due.sqlite", scratch = home + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let made = try Binary.run([], stdin: Self.book, home: home, database: db)
        #expect(made.status == 0, "\(made.stderr)")
        for command in [["due"], ["due", "--json"], ["due", "--owner", "sam"]] {
            let inMemory = try Binary.run(command, home: home, environment: ["TMPDIR": scratch], database: db)
            let spilled = try Binary.run(command, home: home, environment: ["TMPDIR": scratch, "DISCOVERY_DUE_RUN_ITEMS": "1"], database: db)
            #expect(inMemory.status == 0 && spilled.status == 0, "\(spilled.stderr)")
            #expect(spilled.stdout == inMemory.stdout && !spilled.stdout.isEmpty, "\(command)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == [])
        }
        let listed = try Binary.run(["due"], home: home, database: db).stdout
        #expect(listed.contains("Due today (5):"), "\(listed)")

        let bad = try Binary.run(["due"], home: home, environment: ["DISCOVERY_DUE_RUN_ITEMS": "0"], database: db)
        #expect(bad.status == 2 && bad.stderr.contains("DISCOVERY_DUE_RUN_ITEMS must be a whole number of at least 1, not '0'"), "\(bad)")
        let missing = home + "/no-such-folder"
        let failed = try Binary.run(["due"], home: home, environment: ["TMPDIR": missing, "DISCOVERY_DUE_RUN_ITEMS": "1"], database: db)
        #expect(failed.status == 4 && failed.stderr.contains("cannot create a scratch file in \(missing)"), "\(failed)")
        #expect(!failed.stderr.contains("Mercy") && failed.stdout.isEmpty)
    }
}
