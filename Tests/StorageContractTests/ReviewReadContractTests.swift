import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// `forEachReviewMQL`: what `report review` folds one MQL at a time. Each MQL of
/// `forEachMQLWithLead` comes with exactly its own stage moves and rejections as the whole
/// reads (`stageMoves`, `rejections`) give them, in their order, on both backends.
@Suite struct ReviewReadContractTests {
    let t0 = ContractTime.t0
    let day: TimeInterval = 86_400

    /// The varied book, then sales' decisions out of lead order: the later MQLs accepted or
    /// rejected first, one lead rejected twice, a move undone, moves of leads that never were
    /// MQLs, and decisions both sides of the `since` days read below.
    func makeBook(_ store: any Storage) throws {
        try FollowUpContractTests().makeVariedBook(store)
        let mqls = try store.leads().filter { $0.stage == .mql }.map(\.id)
        #expect(mqls.count >= 4)
        for (n, id) in mqls.reversed().enumerated() {
            let at = t0 - 6 * day + Double(n) * day
            if n % 2 == 0 {
                _ = try store.rejectMQL(lead: id, reason: n % 4 == 0 ? .wrongRole : .disqualification(.noBudget), note: "n\(n)",
                                        actor: "sam", at: at)
            } else {
                _ = try store.acceptMQL(lead: id, note: nil, actor: "sam", at: at)
            }
        }
        let twice = mqls[mqls.count - 1]
        try store.changeStage(lead: twice, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 2 * day)
        _ = try store.rejectMQL(lead: twice, reason: .disqualification(.timingTooFar), note: nil, actor: "sam", at: t0 + 3 * day)
        try store.changeStage(lead: mqls[0], to: .sql, reason: nil, note: nil, actor: "kim", at: t0 + 4 * day)
        _ = try store.undo(actor: "kim", at: t0 + 5 * day)
        let first = try #require(try store.leads().first { $0.mqlAt == nil })
        try store.changeStage(lead: first.id, to: .nurture, reason: nil, note: nil, actor: "ana", at: t0 + day)
    }

    @Test(arguments: Backend.all) func eachMQLComesWithItsOwnMovesAndRejectionsInTheirOrder(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try makeBook(store)
        for since in [nil, t0 - 5 * day, t0 + day] as [Date?] {
            var read: [(lead: Lead, candidate: FirstAttemptCandidate, moves: [StageMove], rejections: [Rejection])] = []
            try store.forEachReviewMQL(mqlSince: since) { read.append(($0, $1, $2, $3)) }
            let mqls = try store.mqlsWithLeads(mqlSince: since)
            #expect(read.map(\.lead) == mqls.map(\.lead), "since \(String(describing: since))")
            #expect(read.map(\.candidate) == mqls.map(\.candidate), "since \(String(describing: since))")
            let moves = try store.stageMoves(since: since), rejections = try store.rejections(since: since)
            for r in read {
                #expect(r.moves == moves.filter { $0.leadId == r.lead.id }, "L\(r.lead.id) since \(String(describing: since))")
                #expect(r.rejections == rejections.filter { $0.leadId == r.lead.id }, "L\(r.lead.id) since \(String(describing: since))")
            }
            if since == nil {
                #expect(read.count > 10 && read.contains { $0.rejections.count == 2 } && read.contains { $0.moves.count >= 3 })
                #expect(read.flatMap(\.rejections).count == rejections.count)
            }
        }
    }
}
