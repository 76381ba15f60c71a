import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// The whole-book read on two threads (`RecordPipeline`): order, flat memory, and both sides'
/// errors.
struct RecordPipelineTests {
    private static func record(_ i: Int) -> QualificationRecord {
        QualificationRecord(lead: Lead(id: Int64(i), org: "Org \(i)", profile: "p", createdAt: Date(timeIntervalSince1970: 0)))
    }

    /// How far the reading thread has got, read by the consuming one.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func step() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    struct Failure: Error, Equatable { let at: Int }

    @Test func everyRecordArrivesInOrderAndTheReaderNeverRunsFarAhead() throws {
        let produced = Progress()
        var consumed: [Int64] = []
        var mostAhead = 0
        try RecordPipeline.run(batchSize: 16, depth: 2, produce: { emit in
            for i in 0..<5_000 {
                produced.step()
                try emit(Self.record(i))
            }
        }, consume: { record in
            consumed.append(record.lead.id)
            mostAhead = max(mostAhead, produced.value - consumed.count)
        })
        #expect(consumed == (0..<5_000).map(Int64.init))
        // The batches waiting (2), the one being consumed and the one being filled, plus the
        // record the reader holds while it waits for room.
        #expect(mostAhead <= 16 * 4 + 1, "the reader ran \(mostAhead) records ahead")
    }

    @Test func anErrorOfTheConsumerStopsTheReadingAndComesBackAsThrown() throws {
        let produced = Progress()
        var consumed = 0
        let error = try #require(throws: Failure.self) {
            try RecordPipeline.run(batchSize: 8, depth: 2, produce: { emit in
                for i in 0..<100_000 {
                    produced.step()
                    try emit(Self.record(i))
                }
            }, consume: { record in
                consumed += 1
                if record.lead.id == 300 { throw Failure(at: 300) }
            })
        }
        #expect(error == Failure(at: 300))
        #expect(consumed == 301)
        #expect(produced.value < 301 + 8 * 4 + 1, "the reader went on to \(produced.value) records")
    }

    @Test func anErrorOfTheReaderComesBackAfterTheRecordsReadBeforeIt() throws {
        var consumed = 0
        let error = try #require(throws: Failure.self) {
            try RecordPipeline.run(batchSize: 64, depth: 2, produce: { emit in
                for i in 0..<1_000 { try emit(Self.record(i)) }
                throw Failure(at: 1_000)
            }, consume: { _ in consumed += 1 })
        }
        #expect(error == Failure(at: 1_000))
        #expect(consumed == 1_000)
    }

    @Test func anEmptyBookEndsAtOnce() throws {
        var consumed = 0
        try RecordPipeline.run(produce: { _ in }, consume: { _ in consumed += 1 })
        #expect(consumed == 0)
    }
}
