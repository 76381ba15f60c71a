import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// `forEachAuditEntry`: the log `audit --all` reads twice, entry by entry. It hands out exactly
/// the entries `audit(lead:limit: nil)` returns, in the same order, for the whole log and for
/// each lead, and an error thrown by the caller ends the read and comes out as it was.
@Suite struct AuditReadContractTests {
    @Test(arguments: Backend.all) func eachEntryIsTheLogsInItsOrder(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        try ReviewReadContractTests().makeBook(store)
        func entries(_ lead: Int64?) throws -> [AuditEntry] {
            var read: [AuditEntry] = []
            try store.forEachAuditEntry(lead: lead) { read.append($0) }
            return read
        }
        let all = try store.audit()
        #expect(all.count > 100 && Set(all.map(\.action)).count >= 3 && all.contains { $0.leadId == nil || $0.entityId == nil || $0.field != nil })
        #expect(try entries(nil) == all)
        for lead in try store.leads().map(\.id).prefix(12) + [999_999] {
            #expect(try entries(lead) == (try store.audit(lead: lead)), "L\(lead)")
        }
        var seen = 0
        let error = #expect(throws: DiscoveryError.self) {
            try store.forEachAuditEntry(lead: nil) { _ in
                seen += 1
                if seen == 3 { throw DiscoveryError.failed("the disk is full") }
            }
        }
        #expect(error?.message == "the disk is full")
        #expect(seen == 3)
    }
}
