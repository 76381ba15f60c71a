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
        let undo = try #require(throws: DiscoveryError.self) { try store.undo(actor: "ana", at: at) }
        #expect(undo.message.contains("cannot be undone"))
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
    /// order the changes were made, and `undo` reverts the newest whoever made it.
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
        _ = try first.undo(actor: "ana", at: at)
        #expect(try second.lead(id: lead.id)?.beds == 8)
    }
}
