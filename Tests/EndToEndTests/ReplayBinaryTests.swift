import Foundation
import Testing

/// `replay DIR` through the built binary: it lints DIR first, compares the book under the
/// candidate model with the current one, and leaves the database's bytes as they were.
@Suite struct ReplayBinaryTests {
    /// A book of three leads: two consumables leads with signals (below the MQL bar), one capital lead.
    static func book() throws -> (db: String, folder: String) {
        let folder = NSTemporaryDirectory() + "discovery-replay-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/book.sqlite"
        let script = """
            lead new Mercy --profile consumables --consent yes
            lead new Valley --profile consumables
            signal add L1 demo-request
            signal add L2 pricing-page-revisit
            lead new Harbor --profile capital-equipment

            """
        let r = try Binary.run([], stdin: script, database: db)
        #expect(r.status == 0, "\(r.stderr)")
        return (db, folder)
    }

    /// The bundled sets with the consumables MQL bar lowered to `min-total: 5, min-fit: 0`.
    static func candidate(in folder: String) throws -> String {
        let dir = folder + "/candidate"
        try FileManager.default.copyItem(atPath: Binary.packageRoot + "/question-sets", toPath: dir)
        let path = dir + "/profiles/consumables.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lowered = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("mql:") ? "mql: { min-total: 5, min-fit: 0 }" : String($0) }.joined(separator: "\n")
        #expect(lowered != text)
        try lowered.write(toFile: path, atomically: true, encoding: .utf8)
        return dir
    }

    /// Every file of the database (main, -wal, -shm) with its bytes.
    static func bytes(_ db: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if let data = FileManager.default.contents(atPath: db + suffix) { out[suffix] = data }
        }
        return out
    }

    @Test func replayShowsTheTransitionsAndWritesNothing() throws {
        let (db, folder) = try Self.book()
        let dir = try Self.candidate(in: folder)
        let before = Self.bytes(db)
        let r = try Binary.run(["replay", dir], database: db)
        #expect(r.status == 0, "\(r.stderr)")
        let prose = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.hasPrefix("Replay under \(dir): 3 leads, 2 changes, MQLs 0 now → 2 under"), "\(r.stdout)")
        #expect(r.stdout.contains("  not-yet  not-yet, mql"), "\(r.stdout)")
        #expect(prose.contains("L1 Mercy: not-yet → not-yet, mql; first difference: MQL rule: minimum total 40 → 5"), "\(r.stdout)")
        let json = try Binary.run(["replay", dir, "--json"], database: db)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["mqls_now"] as? Int == 0)
        #expect(object["mqls_candidate"] as? Int == 2)
        #expect((object["changes"] as? [[String: Any]])?.compactMap { $0["lead"] as? String } == ["L1", "L2"])
        #expect(Self.bytes(db) == before)
        // The current model itself changes nothing.
        let same = try Binary.run(["replay", Binary.packageRoot + "/question-sets"], database: db)
        #expect(same.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("No lead's verdict changes under"), "\(same.stdout)")
        #expect(Self.bytes(db) == before)
    }

    @Test func aFolderThatDoesNotLintIsRefusedWithFileAndLine() throws {
        let (db, _) = try Self.book()
        let broken = try LintBinaryTests.brokenFolder()
        let before = Self.bytes(db)
        let r = try Binary.run(["replay", broken], database: db)
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("\(broken)/\(LintBinaryTests.expectedError)\n"), "\(r.stderr)")
        #expect(r.stdout == "")
        let missing = try Binary.run(["replay", "/nonexistent/candidate"], database: db)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("/nonexistent/candidate: no such folder"), "\(missing.stderr)")
        let none = try Binary.run(["replay"], database: db)
        #expect(none.status == 2)
        #expect(Self.bytes(db) == before)
    }
}
