import Foundation
import PostgresNIO
import Synchronization

/// The one place postgres-nio's asynchronous API meets the synchronous storage interface: one
/// connection per process; each statement is sent and waited for (`EventLoopFuture.wait()`,
/// from a caller that is never one of NIO's event-loop threads).
final class BlockingConnection: @unchecked Sendable {
    private let connection: PostgresConnection
    /// The driver's log: critical messages only (it logs nothing at that level in normal use);
    /// errors reach the user as `DiscoveryError`s instead.
    private static let logger: Logger = {
        var logger = Logger(label: "discovery.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Statements sent and waited for by this process: one round trip each (`round trips: N`,
    /// `DISCOVERY_ROUND_TRIPS=1`). Connection start-ups are counted apart.
    static let roundTrips = Atomic<Int>(0)
    /// Connections opened by this process (each a start-up exchange: TLS, authentication).
    static let connections = Atomic<Int>(0)

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Connects; NIO's event-loop group is created here, on first use, so a SQLite run never starts it.
    static func open(_ configuration: PostgresConnection.Configuration) throws -> BlockingConnection {
        let group = MultiThreadedEventLoopGroup.singleton
        let connection = try PostgresConnection.connect(
            on: group.next(), configuration: configuration, id: 1, logger: logger
        ).wait()
        connections.add(1, ordering: .relaxed)
        return BlockingConnection(connection: connection)
    }

    /// Runs one statement with its bound values: every row, and the rows the command touched.
    func run(_ sql: String, _ binds: PostgresBindings) throws -> (rows: [PostgresRow], affected: Int) {
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        Self.roundTrips.add(1, ordering: .relaxed)
        let result = try connection.query(query, logger: Self.logger).wait()
        return (result.rows, result.metadata.rows ?? 0)
    }

    var isClosed: Bool { connection.isClosed }

    func close() {
        try? connection.close().wait()
    }
}
