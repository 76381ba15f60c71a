import Foundation
import PostgresNIO
import Synchronization

/// The one place postgres-nio's asynchronous API meets the synchronous storage interface: one
/// connection per process; each statement is sent and waited for (`EventLoopFuture.wait()`,
/// from a caller that is never one of NIO's event-loop threads), a COPY too (`copy`).
final class BlockingConnection: @unchecked Sendable {
    private let connection: PostgresConnection
    /// A COPY sent without waiting for it (`copy(..., waiting: false)`): every later statement
    /// waits for it first and throws its error, so statements still run one after another, in
    /// order, and a refused COPY fails the statement after it (at the latest the COMMIT).
    private var inFlight: EventLoopFuture<Void>?
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
        try settle()
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        Self.roundTrips.add(1, ordering: .relaxed)
        let result = try connection.query(query, logger: Self.logger).wait()
        return (result.rows, result.metadata.rows ?? 0)
    }

    /// `COPY table (columns) FROM STDIN` of `rows` (text format, `CopyRows`), one round trip:
    /// the driver's `copyFrom` is asynchronous only, so it runs as a task whose end completes a
    /// promise that is waited for here, as every statement's future is. The task runs on the
    /// connection's event loop (`EventLoopTaskExecutor`), never on Swift's shared pool, whose
    /// threads may all be callers blocked here (parallel tests). A COPY the server refuses
    /// part-way (a constraint, a lost connection) throws and writes nothing: it is one statement.
    /// `table` and `columns` are the schema's names, never from input. With `waiting: false` it
    /// returns once the COPY is under way: the caller prepares its next statement while the
    /// server works, and the next statement (`run`, `copy`, `settle`) waits for this one first.
    func copy(into table: String, columns: [String], rows: CopyRows, waiting: Bool = true) throws {
        try settle()
        guard rows.count > 0 else { return }
        Self.roundTrips.add(1, ordering: .relaxed)
        let connection = self.connection
        let data = ByteBuffer(bytes: rows.bytes)
        let promise = connection.eventLoop.makePromise(of: Void.self)
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
                    try await writer.write(data)
                }
                promise.succeed(())
            } catch {
                promise.fail(error)
            }
        }
        if waiting {
            try promise.futureResult.wait()
        } else {
            inFlight = promise.futureResult
        }
    }

    /// Waits for the COPY sent without waiting, if any; throws its error.
    func settle() throws {
        guard let pending = inFlight else { return }
        inFlight = nil
        try pending.wait()
    }

    var isClosed: Bool { connection.isClosed }

    func close() {
        try? settle()
        try? connection.close().wait()
    }
}

/// Runs a task's jobs on one NIO event loop (the connection's), so an asynchronous driver call
/// needs no thread of Swift's cooperative pool while a synchronous caller waits for it.
private final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}
