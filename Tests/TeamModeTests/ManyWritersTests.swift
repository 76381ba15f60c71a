import Foundation
import PostgresTestSupport
import Testing

/// Eight `discovery` processes on one team database at once.
@Suite(.enabled(if: clusterAvailable)) struct ManyWritersTests {
    /// Runs the same command in `count` processes started together; their results.
    func race(_ count: Int, _ arguments: @escaping (Int) -> [String], db: (Int) -> String) throws -> [TeamBinary.Result] {
        let started = try (0..<count).map { i in try TeamBinary.start(arguments(i), db: db(i)) }
        return started.map(TeamBinary.finish)
    }

    @Test func eightProcessesAnsweringOneLeadKeepEveryAnswerAndMoveToMQLOnce() throws {
        let db = try TeamDatabase()
        let reps = try (0..<8).map { i in try db.role("rep\(i)", group: "rep") }
        let setup = try TeamBinary.run([], db: reps[0].url, stdin: """
            lead new "St. Luke Hospital" --type hospital --consent yes --profile consumables
            answer L1 fit.org-type hospital
            answer L1 fit.specialty orthopedics

            """)
        #expect(setup.status == 0, "\(setup.output)")
        // Each process adds a demo request: after any one of them the lead meets the MQL rule.
        let results = try race(8, { _ in ["signal", "add", "L1", "demo-request"] }, db: { reps[$0].url })
        for r in results { #expect(r.status == 0, "\(r.output)") }
        #expect(results.filter { $0.stdout.contains("is now an MQL") }.count == 1)
        #expect(try TestCluster.psql("SELECT count(*) FROM signal", database: db.name) == "8")
        #expect(try TestCluster.psql("SELECT count(*) FROM audit WHERE field = 'stage'", database: db.name) == "1")
        #expect(try TestCluster.psql("SELECT stage FROM lead WHERE id = 1", database: db.name) == "mql")
        // The move names the team's model that judged it, in the lead and in the audit.
        let note = try TestCluster.psql("SELECT stage_note FROM lead WHERE id = 1", database: db.name)
        #expect(note.hasPrefix("automatic: ") && note.hasSuffix(" (model team v1)"), "\(note)")
        #expect(try TestCluster.psql("SELECT count(*) FROM audit WHERE field = 'stage_note' AND new_value LIKE '% (model team v1)'", database: db.name) == "1")
        #expect(try TestCluster.psql("SELECT count(DISTINCT change_id) FROM audit WHERE entity = 'signal'", database: db.name) == "8")
        // Eight writers answering one question each at once: every revision kept, one change each.
        let answers = try race(8, { i in ["answer", "L1", "need.problem", "problem seen by writer \(i)"] }, db: { reps[$0].url })
        for r in answers { #expect(r.status == 0, "\(r.output)") }
        #expect(try TestCluster.psql("SELECT count(*) FROM answer WHERE question = 'need.problem'", database: db.name) == "8")
        #expect(try TestCluster.psql("SELECT count(DISTINCT change_id) FROM audit WHERE field = 'need.problem'", database: db.name) == "8")
    }

    @Test func eightSDRsLoggingCallsAtOnceAreAllKept() throws {
        let db = try TeamDatabase()
        let sdrs = try (0..<8).map { i in try db.role("sdr\(i)", group: "rep") }
        #expect(try TeamBinary.run(["lead", "new", "Mercy", "--consent", "yes"], db: sdrs[0].url).status == 0)
        let results = try race(8, { _ in ["call", "L1", "no-answer"] }, db: { sdrs[$0].url })
        for r in results { #expect(r.status == 0, "\(r.output)") }
        #expect(try TestCluster.psql("SELECT count(DISTINCT actor) FROM call", database: db.name) == "8")
        #expect(try TestCluster.psql("SELECT count(*) FROM changeset", database: db.name) == "9")
        #expect(try TestCluster.psql("SELECT count(*) = count(DISTINCT id) FROM changeset", database: db.name) == "t")
    }
}
