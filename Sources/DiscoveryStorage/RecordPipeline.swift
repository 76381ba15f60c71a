import DiscoveryCore
import Foundation

/// The whole-book read on two cores: `produce` reads records on a thread of its own while the
/// caller's thread consumes them, in order, a batch at a time. Reading the book and computing
/// its verdicts cost about the same, so a report over the whole book takes about half the time
/// it takes when one waits for the other. At most `depth` batches wait between the two, so the
/// memory stays flat whatever the book's size. `consume` must not call the store (its read is
/// still open on the other thread). Consumed batches go back to the reading thread to be freed:
/// memory is best freed by the thread that allocated it (the C allocator keeps an arena per
/// thread, and a free from another thread waits for that arena's lock, which the reading
/// thread holds at every allocation).
///
/// An error from `consume` stops the reading and is rethrown; an error from `produce` is
/// rethrown once the records read before it are consumed. The call returns only when the
/// reading thread has ended.
public enum RecordPipeline {
    public static func run(batchSize: Int = 256, depth: Int = 4,
                           produce: ((QualificationRecord) throws -> Void) throws -> Void,
                           consume: (QualificationRecord) throws -> Void) throws {
        let channel = Channel(depth: depth)
        let ended = DispatchSemaphore(value: 0)
        try withoutActuallyEscaping(produce) { produce in
            let reader = Unchecked(produce)
            let thread = Thread {
                var batch: [QualificationRecord] = []
                do {
                    try reader.take()? { record in
                        batch.append(record)
                        if batch.count == batchSize {
                            // The batches the consumer is done with are freed here, on this thread.
                            _ = try channel.send(batch)
                            batch = []
                        }
                    }
                    if !batch.isEmpty { _ = try channel.send(batch) }
                    channel.finish(nil)
                } catch is Channel.Stopped {
                    channel.finish(nil)
                } catch {
                    // The records read before the error, as the one-thread read would give them.
                    if !batch.isEmpty { _ = try? channel.send(batch) }
                    channel.finish(error)
                }
                ended.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            defer { ended.wait() }
            do {
                var done: [QualificationRecord] = []
                while let batch = channel.receive(returning: done) {
                    for record in batch { try consume(record) }
                    done = batch
                }
            } catch {
                channel.stop()
                throw error
            }
            if let failure = channel.failure { throw failure }
        }
    }

    /// The batches between the two threads, under one lock.
    private final class Channel: @unchecked Sendable {
        struct Stopped: Error {}

        private let condition = NSCondition()
        private let depth: Int
        private var batches: [[QualificationRecord]] = []
        /// Consumed batches, for the reading thread to free.
        private var spent: [[QualificationRecord]] = []
        private var finished = false
        private var stopped = false
        private(set) var failure: (any Error)?

        init(depth: Int) { self.depth = depth }

        /// Waits for room; throws `Stopped` once the consumer has given up. Gives the batches
        /// consumed so far, which the caller frees as it drops them.
        func send(_ batch: [QualificationRecord]) throws -> [[QualificationRecord]] {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= depth && !stopped { condition.wait() }
            if stopped { throw Stopped() }
            batches.append(batch)
            condition.broadcast()
            defer { spent = [] }
            return spent
        }

        /// The next batch, or nil when the reading has ended and every batch was taken;
        /// `done`, the batch consumed last, is kept for the reading thread to free.
        func receive(returning done: [QualificationRecord]) -> [QualificationRecord]? {
            condition.lock()
            defer { condition.unlock() }
            if !done.isEmpty { spent.append(done) }
            while batches.isEmpty && !finished { condition.wait() }
            guard !batches.isEmpty else { return nil }
            condition.broadcast()
            return batches.removeFirst()
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            failure = error
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The reading closure, handed to the thread that runs it while `run` waits for it. The
    /// thread takes it out, so nothing holds it once `run` returns (the thread object itself
    /// may outlive the call for a moment).
    private final class Unchecked<T>: @unchecked Sendable {
        private var value: T?
        init(_ value: T) { self.value = value }
        func take() -> T? {
            defer { value = nil }
            return value
        }
    }
}
