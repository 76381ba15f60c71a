import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Several teammates' processes writing at once: each on its own connection.
@Suite struct ConcurrentWriterContractTests {
    let at = ContractTime.t0

    @Test(arguments: Backend.all) func aConditionalMoveHappensOnceHoweverManyRace(_ backend: Backend) throws {
        let fixture = try backend.make()
        let lead = try fixture.store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        let writers = try (0..<8).map { _ in try fixture.anotherConnection() }
        let moved = Counter()
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            do {
                if try writers[i].qualifyAsMQL(lead: lead.id, note: "automatic", route: RoutingDecision(owner: "writer\(i)", rule: "r"),
                                               actor: "writer\(i)", at: at) != nil {
                    moved.add()
                }
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)
        #expect(moved.value == 1)
        #expect(try fixture.store.audit(lead: lead.id).filter { $0.field == "stage" }.count == 1)
        #expect(try fixture.store.audit(lead: lead.id).filter { $0.field == "owner" }.count == 1)
        #expect(try fixture.store.lead(id: lead.id)?.stage == .mql)
        #expect(try fixture.store.qualifyAsMQL(lead: lead.id, note: "again", route: nil, actor: "ana", at: at) == nil)
    }

    @Test(arguments: Backend.all) func everyAnswerOfEightWritersIsKeptWithItsOwnChangeId(_ backend: Backend) throws {
        let fixture = try backend.make()
        let lead = try fixture.store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        let writers = try (0..<8).map { _ in try fixture.anotherConnection() }
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            for n in 0..<5 {
                do {
                    try writers[i].recordAnswer(lead: lead.id, question: "fit.q\(n)", value: .text("w\(i)-\(n)"), note: nil,
                                                people: [], actor: "writer\(i)", at: at)
                } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.value == 0)
        let entries = try fixture.store.audit(lead: lead.id).filter { $0.entity == "answer" }
        #expect(entries.count == 40)
        #expect(Set(entries.map(\.changeId)).count == 40)
        for n in 0..<5 { #expect(try fixture.store.answerHistory(lead: lead.id, question: "fit.q\(n)").count == 8) }
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
