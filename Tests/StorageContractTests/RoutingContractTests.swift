import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// The automatic MQL move and routing: conditional on the state the caller saw, audited with the rule.
@Suite struct RoutingContractTests {
    let at = ContractTime.t0
    let priya = RoutingDecision(owner: "priya", rule: "ohio-capital")

    @Test(arguments: Backend.all) func qualifyingMovesANewLeadAndRoutesItInOneChange(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "mkto")
        let moved = try #require(try store.qualifyAsMQL(lead: lead.id, note: "automatic: fit ok", route: priya, actor: "rep", at: at))
        #expect(moved.stage == .mql && moved.owner == "priya" && moved.routeRule == "ohio-capital" && moved.mqlAt == at)
        let entries = try store.audit(lead: lead.id).filter { $0.action == .update }
        #expect(Set(entries.map(\.changeId)).count == 1)
        #expect(entries.first { $0.field == "owner" }?.newValue == "priya")
        #expect(entries.first { $0.field == "route_rule" }?.newValue == "ohio-capital")
        #expect(entries.first { $0.field == "stage" }?.newValue == "mql")
        // Undo takes the move and the routing back together.
        _ = try store.undo(actor: "rep", at: at)
        let back = try #require(try store.lead(id: lead.id))
        #expect(back.stage == .new && back.owner == nil && back.routeRule == nil && back.mqlAt == nil)
    }

    @Test(arguments: Backend.all) func qualifyingALeadNoLongerNewChangesNothing(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "mkto")
        #expect(try store.qualifyAsMQL(lead: lead.id, note: "automatic", route: priya, actor: "rep", at: at) != nil)
        let before = try store.audit().count
        // A second writer that saw the lead as new too: nothing happens.
        let other = try fixture.anotherConnection()
        #expect(try other.qualifyAsMQL(lead: lead.id, note: "automatic", route: RoutingDecision(owner: "sam", rule: "x"),
                                       actor: "rep2", at: at) == nil)
        #expect(try store.audit().count == before)
        #expect(try store.lead(id: lead.id)?.owner == "priya")
    }

    @Test(arguments: Backend.all) func qualifyingAnOwnedLeadKeepsItsOwner(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: at), actor: "sam")
        let moved = try #require(try store.qualifyAsMQL(lead: lead.id, note: "automatic", route: priya, actor: "sam", at: at))
        #expect(moved.stage == .mql && moved.owner == "sam" && moved.routeRule == nil)
    }

    @Test(arguments: Backend.all) func assigningARouteOnlyTakesAnUnownedLead(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "mkto")
        let routed = try #require(try store.assignRoute(lead: lead.id, route: priya, actor: "ops", at: at))
        #expect(routed.owner == "priya" && routed.routeRule == "ohio-capital" && routed.stage == .new)
        let before = try store.audit().count
        #expect(try store.assignRoute(lead: lead.id, route: RoutingDecision(owner: "sam", rule: "x"), actor: "ops", at: at) == nil)
        #expect(try store.audit().count == before)
        let missing = try #require(throws: DiscoveryError.self) { try store.assignRoute(lead: 99, route: priya, actor: "ops", at: at) }
        #expect(missing.message == "no lead L99")
    }

    @Test(arguments: Backend.all) func openLeadsAreCountedPerOwnerInOpenStages(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        for (owner, stage) in [("sam", Stage.new), ("sam", .sql), ("sam", .disqualified), ("lee", .nurture), ("lee", .mql), ("ann", .sal)] {
            let lead = try store.createLead(Lead(org: "Org", profile: "consumables", owner: owner, createdAt: at), actor: owner)
            if stage != .new {
                try store.changeStage(lead: lead.id, to: stage, reason: stage == .disqualified ? .noBudget : nil, note: nil,
                                      actor: owner, at: at)
            }
        }
        #expect(try store.openLeadCounts(owners: ["sam", "lee", "zoe"]) == ["sam": 2, "lee": 1])
        #expect(try store.openLeadCounts(owners: []) == [:])
    }

    @Test(arguments: Backend.all) func droppingMQLOnlyMovesALeadStillInMQL(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: at), actor: "sam")
        #expect(try store.dropMQL(lead: lead.id, note: "automatic", actor: "sam", at: at) == nil)
        _ = try store.qualifyAsMQL(lead: lead.id, note: "automatic", route: nil, actor: "sam", at: at)
        let dropped = try #require(try store.dropMQL(lead: lead.id, note: "automatic: no longer", actor: "sam", at: at + 60))
        #expect(dropped.stage == .new && dropped.mqlAt == at && dropped.stageNote == "automatic: no longer")
        let before = try store.audit().count
        #expect(try store.dropMQL(lead: lead.id, note: "again", actor: "sam", at: at) == nil)
        #expect(try store.audit().count == before)
    }
}
