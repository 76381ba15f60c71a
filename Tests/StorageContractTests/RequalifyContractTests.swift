import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Re-qualification marks: set once on a nurtured, disqualified or lost lead; cleared by hand or by any stage move.
@Suite struct RequalifyContractTests {
    let at = ContractTime.t0

    func nurtured(_ store: any Storage, owner: String = "sam") throws -> Lead {
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: owner, createdAt: at), actor: owner)
        return try store.changeStage(lead: lead.id, to: .nurture, reason: nil, note: nil, actor: owner, at: at)
    }

    @Test(arguments: Backend.all) func aMarkIsSetOnceAndClearedByHand(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try nurtured(store)
        let marked = try #require(try store.markRequalify(lead: lead.id, trigger: "signal demo-request", actor: "mkto", at: at + 60))
        #expect(marked.requalify == RequalifyMark(trigger: "signal demo-request", at: at + 60))
        let before = try store.audit().count
        #expect(try store.markRequalify(lead: lead.id, trigger: "new contact Dana", actor: "mkto", at: at) == nil)
        #expect(try store.audit().count == before)
        #expect(try store.requalifyLeads(owner: nil).map(\.id) == [lead.id])
        #expect(try store.requalifyLeads(owner: "lee") == [])
        let cleared = try #require(try store.clearRequalify(lead: lead.id, actor: "sam", at: at))
        #expect(cleared.requalify == nil)
        #expect(try store.clearRequalify(lead: lead.id, actor: "sam", at: at) == nil)
        // Undo of the clearing brings the mark back as it was.
        _ = try store.undo(actor: "sam", at: at)
        #expect(try store.lead(id: lead.id)?.requalify == RequalifyMark(trigger: "signal demo-request", at: at + 60))
    }

    @Test(arguments: Backend.all) func onlyLeadsOutOfActiveSellingAreMarked(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: at), actor: "sam")
        #expect(try store.markRequalify(lead: lead.id, trigger: "signal demo-request", actor: "mkto", at: at) == nil)
        #expect(try store.lead(id: lead.id)?.requalify == nil)
    }

    @Test(arguments: Backend.all) func aStageMoveClearsTheMarkAndUndoRestoresIt(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try nurtured(store)
        _ = try store.markRequalify(lead: lead.id, trigger: "signal demo-request", actor: "mkto", at: at)
        let moved = try store.changeStage(lead: lead.id, to: .mql, reason: nil, note: nil, actor: "sam", at: at)
        #expect(moved.requalify == nil)
        #expect(try store.requalifyLeads(owner: nil) == [])
        _ = try store.undo(actor: "sam", at: at)
        #expect(try store.lead(id: lead.id)?.requalify == RequalifyMark(trigger: "signal demo-request", at: at))
        #expect(try store.lead(id: lead.id)?.stage == .nurture)
    }
}
