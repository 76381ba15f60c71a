import Foundation
import PostgresTestSupport
import Testing

/// Round trips per command, counted by the connection bridge (`DISCOVERY_ROUND_TRIPS=1`): a
/// count of statements sent and waited for, not a timing.
@Suite(.enabled(if: clusterAvailable)) struct RoundTripTests {
    static func roundTrips(_ result: TeamBinary.Result) -> Int? {
        result.stderr.split(separator: "\n").first { $0.hasPrefix("round trips: ") }
            .flatMap { Int($0.dropFirst("round trips: ".count)) }
    }

    @Test func statusMakesAtMostFourRoundTrips() throws {
        let db = try TeamDatabase()
        let rep = try db.role("rep", group: "rep")
        let counting = ["DISCOVERY_ROUND_TRIPS": "1"]
        let setUp = try TeamBinary.run([], db: rep.url, stdin: """
            lead new Mercy
            use L1
            contact add 'Dr. Ana Ruiz' --role champion
            answer fit.region us
            signal add demo-request
            call voicemail
            next set demo --due 2026-03-09

            """)
        #expect(setUp.status == 0, "\(setUp.output)")
        let status = try TeamBinary.run(["status", "L1", "--json"], db: rep.url, environment: counting)
        #expect(status.status == 0, "\(status.output)")
        let trips = try #require(Self.roundTrips(status), "no round-trip count in: \(status.stderr)")
        #expect(trips <= 4, "status L1 --json made \(trips) round trips")
        #expect(status.stderr.contains("connections: 1"))
        // Without the variable nothing is printed.
        #expect(Self.roundTrips(try TeamBinary.run(["status", "L1", "--json"], db: rep.url)) == nil)
    }

    /// Rows that change a lead and contacts created earlier in the same slice cost no statement
    /// of their own: the slice's COPY writes them as they end up (before, one UPDATE per set of
    /// changed columns). The same rows changing nothing are the yardstick.
    @Test func changesToRowsCreatedInTheSameSliceCostNoStatement() throws {
        let db = try TeamDatabase()
        let counting = ["DISCOVERY_ROUND_TRIPS": "1"]
        func trips(_ name: String, _ rows: [String]) throws -> Int? {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("trips-\(name)-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try (["company,firstname,lastname,email,jobtitle,discovery_region,discovery_specialty"] + rows)
                .joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            let result = try TeamBinary.run(["import", path], db: db.adminURL, environment: counting)
            #expect(result.status == 0, "\(result.output)")
            return Self.roundTrips(result)
        }
        // The first command of a teammate fills the model cache: not counted.
        _ = try trips("warm-up", ["Warm-up Org,Cid,Roy,cid@warm.example,CFO,US-OH,cardiology"])
        let same = try #require(try trips("same", (1...30).flatMap { n in (1...3).map { p in
            "Org \(n),Ana\(p),Ruiz,ana\(p)@org\(n).example,CNO,US-OH,cardiology" } }))
        let changing = try #require(try trips("changing", (31...60).flatMap { n in (1...3).map { p in
            "Org \(n),Ana\(p % 2),Ruiz,ana\(p % 2)@org\(n).example,CNO \(p),US-\(p),specialty \(p)" } }))
        #expect(changing == same, "\(changing) round trips for rows changing what the slice created, \(same) for rows changing nothing")
        let updated = try TestCluster.psql("SELECT count(*) FROM audit WHERE action = 'update'", database: db.name)
        #expect(updated == "150", "audited updates: \(updated)")
    }
}
