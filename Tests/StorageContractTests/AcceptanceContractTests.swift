import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Sales acceptance: accept and reject only move an MQL, and a rejection is recorded apart.
@Suite struct AcceptanceContractTests {
    let at = ContractTime.t0

    func mql(_ store: any Storage) throws -> Lead {
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: at), actor: "sam")
        return try store.changeStage(lead: lead.id, to: .mql, reason: nil, note: nil, actor: "sam", at: at)
    }

    @Test(arguments: Backend.all) func acceptMovesAnMQLToSAL(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try mql(store)
        let accepted = try #require(try store.acceptMQL(lead: lead.id, note: "real project", actor: "sam", at: at))
        #expect(accepted.stage == .sal && accepted.stageNote == "real project")
        let before = try store.audit().count
        #expect(try store.acceptMQL(lead: lead.id, note: nil, actor: "sam", at: at) == nil)
        #expect(try store.rejectMQL(lead: lead.id, reason: .wrongRole, note: nil, actor: "sam", at: at) == nil)
        #expect(try store.audit().count == before)
        #expect(try store.rejections(since: nil) == [])
    }

    @Test(arguments: Backend.all) func rejectReturnsAnMQLToNurtureAndRecordsTheReason(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try mql(store)
        let rejected = try #require(try store.rejectMQL(lead: lead.id, reason: .wrongRole, note: "a resident", actor: "sam", at: at))
        #expect(rejected.stage == .nurture && rejected.stageReason == nil)
        #expect(rejected.stageNote == "rejected by sales (wrong-role): a resident")
        #expect(try store.rejections(since: nil) == [Rejection(id: 1, leadId: lead.id, reason: .wrongRole, note: "a resident", actor: "sam", at: at)])
        #expect(try store.rejections(since: at + 1) == [])
        let change = try store.audit(lead: lead.id).filter { $0.entity == "rejection" }
        #expect(change.count == 1 && change[0].newValue == "wrong-role")
        // Undo takes the rejection and the move back together.
        _ = try store.undo(actor: "sam", at: at)
        #expect(try store.lead(id: lead.id)?.stage == .mql)
        #expect(try store.rejections(since: nil) == [])
    }

    @Test(arguments: Backend.all) func deletingALeadErasesItsRejections(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try mql(store)
        _ = try store.rejectMQL(lead: lead.id, reason: .disqualification(.noBudget), note: "budget frozen", actor: "sam", at: at)
        try store.deleteLead(id: lead.id, actor: "sam", at: at)
        #expect(try store.rejections(since: nil) == [])
    }
}
