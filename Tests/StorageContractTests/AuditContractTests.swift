import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// The audit log and `undo`: what every backend must do.
@Suite struct AuditContractTests {
    let at = ContractTime.t0

    @Test(arguments: Backend.all) func everyChangeIsAuditedWithActorAndValues(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", region: "West", profile: "consumables", createdAt: at), actor: "ana")
        try store.updateLead(id: lead.id, field: .region, value: "East", actor: "ben", at: at)
        let entries = try store.audit(lead: lead.id)
        #expect(entries.count == 2)
        #expect(entries[0].action == .create && entries[0].actor == "ana" && entries[0].newValue == "Mercy")
        #expect(entries[1].action == .update && entries[1].actor == "ben")
        #expect(entries[1].field == "region" && entries[1].oldValue == "West" && entries[1].newValue == "East")
        #expect(entries[0].changeId < entries[1].changeId)
    }

    @Test(arguments: Backend.all) func undoRevertsTheNewestChangeAndIsAudited(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", region: "West", profile: "consumables", createdAt: at), actor: "ana")
        try store.updateLead(id: lead.id, field: .region, value: "East", actor: "ana", at: at)
        try store.updateLead(id: lead.id, field: .beds, value: "120", actor: "ana", at: at)
        let beds = try store.undo(actor: "ana", at: at)
        #expect(beds.summary == ["lead #\(lead.id) beds: 120 → (empty)"])
        #expect(try store.lead(id: lead.id)?.beds == nil)
        #expect(try store.lead(id: lead.id)?.region == "East")
        _ = try store.undo(actor: "ana", at: at)
        #expect(try store.lead(id: lead.id)?.region == "West")
        _ = try store.undo(actor: "ana", at: at)
        #expect(try store.lead(id: lead.id) == nil)
        let none = try #require(throws: DiscoveryError.self) { try store.undo(actor: "ana", at: at) }
        #expect(none.message == "nothing to undo")
        #expect(try store.audit().filter { $0.action == .undo }.count == 3)
    }

    @Test(arguments: Backend.all) func deleteErasesPersonalDataFromTheLogAndCannotBeUndone(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy Secret", profile: "consumables", createdAt: at), actor: "ana")
        _ = try store.addContact(Contact(leadId: lead.id, name: "Dr. Private Person", email: "pp@example.org", createdAt: at), actor: "ana")
        try store.deleteLead(id: lead.id, actor: "ben", at: at)
        #expect(try store.lead(id: lead.id) == nil)
        #expect(try store.contacts(lead: lead.id).isEmpty)
        let entries = try store.audit(lead: lead.id)
        #expect(entries.count == 3)
        #expect(entries.allSatisfy { $0.oldValue == nil && $0.newValue == nil })
        #expect(entries.last?.action == .delete && entries.last?.actor == "ben")
        let undo = try #require(throws: DiscoveryError.self) { try store.undo(actor: "ben", at: at) }
        #expect(undo.message.contains("cannot be undone"))
        let before = try #require(throws: DiscoveryError.self) { try store.undo(actor: "ana", at: at) }
        #expect(before.message.contains("ben's change") && before.message.contains("(lead erased)"))
    }

    @Test(arguments: Backend.all) func theNewestEntriesComeWithALimit(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        for region in ["A", "B", "C"] {
            try store.updateLead(id: lead.id, field: .region, value: region, actor: "ana", at: at)
        }
        #expect(try store.audit(lead: nil, limit: 2).map(\.newValue) == ["B", "C"])
        #expect(try store.audit(lead: lead.id + 1).isEmpty)
    }

    /// Two processes writing in turn on one database: every change gets its own id, in the
    /// order the changes were made; `undo` reverts only its actor's change, and refuses while a
    /// teammate's change to the same field is newer.
    @Test(arguments: Backend.all) func changeIdsStayUniqueAndOrderedWithSeveralWriters(_ backend: Backend) throws {
        let fixture = try backend.make()
        let first = fixture.store
        let second = try fixture.anotherConnection()
        let lead = try first.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        for i in 0..<10 {
            let writer = i.isMultiple(of: 2) ? first : second
            try writer.updateLead(id: lead.id, field: .beds, value: String(i), actor: i.isMultiple(of: 2) ? "ana" : "ben", at: at)
        }
        let ids = try first.audit().map(\.changeId)
        #expect(ids.count == 11)
        #expect(Set(ids).count == 11)
        #expect(ids == ids.sorted())
        let refused = try #require(throws: DiscoveryError.self) { try first.undo(actor: "ana", at: at) }
        #expect(refused.message.contains("ben's change"))
        #expect(try second.lead(id: lead.id)?.beds == 9)
        _ = try second.undo(actor: "ben", at: at)
        #expect(try first.lead(id: lead.id)?.beds == 8)
    }

    /// Two users on one database: each `undo` reverts its own last change, skipping a
    /// teammate's newer change to something else, and refuses (naming the teammate) when the
    /// teammate changed the same thing after; a refused undo changes nothing and is not audited.
    @Test(arguments: Backend.all) func undoRevertsYourOwnChangeNeverATeammates(_ backend: Backend) throws {
        let fixture = try backend.make()
        let ana = fixture.store
        let ben = try fixture.anotherConnection()
        let lead = try ana.createLead(Lead(org: "Mercy", region: "West", profile: "consumables", createdAt: at), actor: "ana")
        try ana.updateLead(id: lead.id, field: .region, value: "East", actor: "ana", at: at)
        try ben.updateLead(id: lead.id, field: .beds, value: "120", actor: "ben", at: at)

        // Ben's newer change is to another field: Ana's undo skips it and reverts her own.
        let undone = try ana.undo(actor: "ana", at: at)
        #expect(undone.summary == ["lead #\(lead.id) region: East → West"])
        #expect(try ben.lead(id: lead.id)?.region == "West")
        #expect(try ben.lead(id: lead.id)?.beds == 120)

        // Ana sets the region, Ben sets it after her: her undo would throw his away.
        try ana.updateLead(id: lead.id, field: .region, value: "North", actor: "ana", at: at)
        try ben.updateLead(id: lead.id, field: .region, value: "South", actor: "ben", at: at)
        let entries = try ana.audit().count
        let refused = try #require(throws: DiscoveryError.self) { try ana.undo(actor: "ana", at: at) }
        #expect(refused.exitCode == 1)
        #expect(refused.message.hasPrefix("undo refused: ben's change "))
        #expect(refused.message.contains("on L\(lead.id) (lead region)"))
        #expect(try ana.lead(id: lead.id)?.region == "South")
        #expect(try ana.audit().count == entries)

        // Once Ben takes his change back, Ana's is the newest to that field again.
        _ = try ben.undo(actor: "ben", at: at)
        #expect(try ana.lead(id: lead.id)?.region == "North")
        _ = try ana.undo(actor: "ana", at: at)
        #expect(try ben.lead(id: lead.id)?.region == "West")

        // An answer is one thing per question: a teammate's newer revision blocks the undo.
        try ana.recordAnswer(lead: lead.id, question: "fit.region", value: .choice("us"), note: nil, people: [], actor: "ana", at: at)
        try ben.recordAnswer(lead: lead.id, question: "fit.region", value: .choice("eu"), note: nil, people: [], actor: "ben", at: at)
        let answer = try #require(throws: DiscoveryError.self) { try ana.undo(actor: "ana", at: at) }
        #expect(answer.message.contains("ben's change") && answer.message.contains("(answer fit.region)"))

        // Someone with no change of their own has nothing to undo.
        let none = try #require(throws: DiscoveryError.self) { try ana.undo(actor: "cy", at: at) }
        #expect(none.message == "nothing to undo")
    }
}
