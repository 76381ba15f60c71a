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
}
