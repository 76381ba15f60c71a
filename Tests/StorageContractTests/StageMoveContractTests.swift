import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// `stageMoves`: the stage history `report review` reads, with undone moves left out.
@Suite struct StageMoveContractTests {
    let t0 = ContractTime.t0
    let day: TimeInterval = 86_400

    @Test(arguments: Backend.all) func stageMovesAreOldestFirstWithoutUndoneMoves(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana")
        let b = try store.createLead(Lead(org: "B", profile: "consumables", createdAt: t0), actor: "ana")
        try store.changeStage(lead: a.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + day)
        try store.changeStage(lead: b.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 2 * day)
        try store.changeStage(lead: a.id, to: .sal, reason: nil, note: nil, actor: "ana", at: t0 + 3 * day)
        try store.changeStage(lead: b.id, to: .disqualified, reason: .noBudget, note: nil, actor: "ana", at: t0 + 4 * day)
        _ = try store.undo(actor: "ana", at: t0 + 5 * day)
        let moves = try store.stageMoves(since: nil)
        #expect(moves == [
            StageMove(leadId: a.id, from: .new, to: .mql, at: t0 + day),
            StageMove(leadId: b.id, from: .new, to: .mql, at: t0 + 2 * day),
            StageMove(leadId: a.id, from: .mql, to: .sal, at: t0 + 3 * day),
        ])
        #expect(try store.stageMoves(since: t0 + 2 * day).map(\.at) == [t0 + 2 * day, t0 + 3 * day])
    }

    @Test(arguments: Backend.all) func acceptingAnMQLIsAStageMove(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana")
        try store.changeStage(lead: a.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + day)
        _ = try store.acceptMQL(lead: a.id, note: nil, actor: "sam", at: t0 + 2 * day)
        #expect(try store.stageMoves(since: nil).map(\.to) == [.mql, .sal])
    }
}
