import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// An export of a book larger than any page a backend reads at once.
@Suite struct LargeExportContractTests {
    let at = ContractTime.t0

    @Test(arguments: Backend.all) func everyLeadOfALargeBookIsHandedOutOnceInOrderWithItsContacts(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        for n in 1...1_005 {
            let lead = try store.createLead(Lead(org: "Org \(n)", profile: "consumables", stage: n % 3 == 0 ? .mql : .new, createdAt: at),
                                            actor: "ana")
            if n % 500 == 0 || n == 1_001 {
                _ = try store.addContact(Contact(leadId: lead.id, name: "A \(n)", createdAt: at), actor: "ana")
                _ = try store.addContact(Contact(leadId: lead.id, name: "B \(n)", createdAt: at), actor: "ana")
            }
        }
        var ids: [Int64] = []
        var contacts: [Int64: [String]] = [:]
        let count = try store.forEachLeadWithContacts { lead, people in
            ids.append(lead.id)
            if !people.isEmpty { contacts[lead.id] = people.map(\.name) }
        }
        #expect(count == 1_005 && ids == Array(1...1_005))
        #expect(contacts == [500: ["A 500", "B 500"], 1_000: ["A 1000", "B 1000"], 1_001: ["A 1001", "B 1001"]])
        var mql = 0
        #expect(try store.forEachLeadWithContacts(stage: .mql) { lead, _ in mql += lead.stage == .mql ? 1 : 0 } == 335)
        #expect(mql == 335)
    }
}
