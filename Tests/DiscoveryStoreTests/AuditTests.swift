import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryStore

@Suite struct AuditTests {
    let at = Date(timeIntervalSince1970: 1_772_442_000)

    @Test func everyChangeIsAuditedWithActorAndValues() throws {
        let tmp = TempDatabase()
        let store = try Store.open(path: tmp.path)
        let lead = try store.createLead(Lead(org: "Mercy", region: "West", profile: "consumables", createdAt: at), actor: "ana")
        try store.updateLead(id: lead.id, field: .region, value: "East", actor: "ben", at: at)
        let entries = try store.audit(lead: lead.id)
        #expect(entries.count == 2)
        #expect(entries[0].action == .create && entries[0].actor == "ana" && entries[0].newValue == "Mercy")
        #expect(entries[1].action == .update && entries[1].actor == "ben")
        #expect(entries[1].field == "region" && entries[1].oldValue == "West" && entries[1].newValue == "East")
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let tmp = TempDatabase()
        let store = try Store.open(path: tmp.path)
        _ = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        let update = try SQLiteShell.runWithStatus(tmp.path, "UPDATE audit SET actor = 'mallory';")
        #expect(update.status != 0)
        #expect(update.stderr.contains("append-only"))
        let delete = try SQLiteShell.runWithStatus(tmp.path, "DELETE FROM audit;")
        #expect(delete.status != 0)
        #expect(try store.audit().map(\.actor) == ["ana"])
    }

    @Test func undoRevertsTheNewestChangeAndIsAudited() throws {
        let tmp = TempDatabase()
        let store = try Store.open(path: tmp.path)
        let lead = try store.createLead(Lead(org: "Mercy", region: "West", profile: "consumables", createdAt: at), actor: "ana")
        try store.updateLead(id: lead.id, field: .region, value: "East", actor: "ana", at: at)
        try store.updateLead(id: lead.id, field: .beds, value: "120", actor: "ana", at: at)
        _ = try store.undo(actor: "ana", at: at)
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

    @Test func deleteErasesPersonalDataEverywhereAndCannotBeUndone() throws {
        let tmp = TempDatabase()
        let store = try Store.open(path: tmp.path)
        let lead = try store.createLead(Lead(org: "Mercy Secret", profile: "consumables", createdAt: at), actor: "ana")
        _ = try store.addContact(Contact(leadId: lead.id, name: "Dr. Private Person", email: "pp@example.org", createdAt: at), actor: "ana")
        try store.deleteLead(id: lead.id, actor: "ben", at: at)
        #expect(try store.lead(id: lead.id) == nil)
        #expect(try store.contacts(lead: lead.id).isEmpty)
        let entries = try store.audit(lead: lead.id)
        #expect(entries.allSatisfy { $0.oldValue == nil && $0.newValue == nil })
        #expect(entries.last?.action == .delete && entries.last?.actor == "ben")
        let dump = try SQLiteShell.run(tmp.path, ".dump")
        #expect(!dump.contains("Mercy Secret"))
        #expect(!dump.contains("Private Person"))
        let undo = try #require(throws: DiscoveryError.self) { try store.undo(actor: "ana", at: at) }
        #expect(undo.message.contains("cannot be undone"))
    }
}
