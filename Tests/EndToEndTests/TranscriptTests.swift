import Foundation
import PostgresTestSupport
import Testing

/// Golden transcripts of the real binary (Tests/EndToEndTests/Transcripts/*.transcript).
/// `RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests` rewrites them from the actual
/// output, and then fails on purpose so a recording never passes silently.
@Suite struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".transcript") }.sorted()
    }

    @Test(arguments: files)
    func transcript(_ name: String) throws {
        try check(name, database: nil)
    }

    /// The same transcripts on a team database (a fresh one each, on the test cluster), as the
    /// role `tester` (the USER the SQLite runs have): byte for byte the same output.
    @Test(.enabled(if: TestCluster.url != nil || TestCluster.required), arguments: files)
    func transcriptOnPostgreSQL(_ name: String) throws {
        let database = try TestCluster.createDatabase()
        defer { TestCluster.dropDatabase(database) }
        let admin = try TestCluster.url(database: database)
        // A transcript written for its own question-set folder: on a team database that folder
        // must be the team's model (a local --question-sets does not count there), so `db init`
        // publishes it as the first model.
        let expected = try Transcript(parsing: String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8))
        let folders = Set(expected.runs.compactMap { run in
            run.arguments.firstIndex(of: "--question-sets").flatMap { $0 + 1 < run.arguments.count ? run.arguments[$0 + 1] : nil }
        })
        #expect(folders.count <= 1, "one question-set folder per transcript")
        let initialised = try Binary.run((folders.first.map { ["--question-sets", $0] } ?? []) + ["db", "init"], database: admin,
                                         currentDirectory: Binary.packageRoot)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        try TestCluster.psql("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tester') THEN
                    CREATE ROLE tester LOGIN PASSWORD 'tester-pw';
                END IF;
            END $$
            """)
        #expect(try Binary.run(["db", "grant", "tester", "ops"], database: admin).status == 0)
        let host = admin.lastIndex(of: "@").map { admin[admin.index(after: $0)...] } ?? ""
        try check(name, database: "postgresql://tester:tester-pw@\(host)")
    }

    func check(_ name: String, database: String?) throws {
        let url = Self.folder.appendingPathComponent(name)
        let expected = try Transcript(parsing: String(contentsOf: url, encoding: .utf8))
        let home = NSTemporaryDirectory() + "discovery-transcript-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        var actual = expected
        for (i, run) in expected.runs.enumerated() {
            let r = try Binary.run(run.arguments, stdin: run.stdin, home: home, database: database)
            actual.runs[i].stdout = Self.lines(r.stdout)
            actual.runs[i].stderr = Self.lines(r.stderr)
            actual.runs[i].status = r.status
            if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == nil {
                // The one line that differs by backend on purpose: the model a verdict was computed
                // with is the local folder's hash on SQLite and the published version on a team database.
                let model = database == nil ? { (lines: [String]) in lines } : Self.withoutModelVersion
                #expect(model(actual.runs[i].stdout) == model(run.stdout), "\(name):\(run.line) stdout of: \(run.command)")
                if database != nil {
                    #expect(actual.runs[i].stdout.allSatisfy { !$0.contains(#""model_version" : "local"#) },
                            "\(name):\(run.line): a team database's verdict names the published version")
                }
                #expect(actual.runs[i].stderr == run.stderr, "\(name):\(run.line) stderr of: \(run.command)")
                #expect(r.status == run.status, "\(name):\(run.line) exit code of: \(run.command)")
            }
        }
        if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] != nil && database == nil {
            try actual.render().write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); run again without RECORD_TRANSCRIPTS")
        }
    }

    /// The parameterised test above runs no case at all if the folder is not found: name them all.
    @Test func everyTranscriptFileIsFound() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".transcript") }
        #expect(names.sorted() == [
            "calls.transcript", "interview.transcript", "leads.transcript", "routing.transcript", "verdict-journey.transcript",
            "verdict.transcript",
        ])
        #expect(Self.files == names.sorted())
    }

    /// `"model_version" : "..."` with its value left out.
    static func withoutModelVersion(_ lines: [String]) -> [String] {
        lines.map { line in
            guard let key = line.range(of: #""model_version" : "#) else { return line }
            return String(line[..<key.upperBound]) + "…"
        }
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
