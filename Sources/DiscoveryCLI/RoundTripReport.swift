#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import DiscoveryPostgres
import DiscoveryShell

/// `DISCOVERY_ROUND_TRIPS=1`: at exit, prints to stderr how many statements the run sent to
/// PostgreSQL (one round trip each) and how many connections it opened, e.g.
/// `round trips: 4` and `connections: 1`. Zero on a SQLite file.
enum RoundTripReport {
    static func install(_ env: Environment) {
        guard let value = env["DISCOVERY_ROUND_TRIPS"], !value.isEmpty, value != "0" else { return }
        atexit {
            let counts = PostgresStore.roundTrips
            StandardStreams.err.write("round trips: \(counts.statements)\nconnections: \(counts.connections)\n")
        }
    }
}
