import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryStore

/// The store's C-API connection: the reads made of `RawStatement`s go through it alone, so a
/// command that only reads never opens GRDB's connection; changes do, and are seen at once.
@Suite struct ReadConnectionTests {
    private func book(_ tmp: TempDatabase) throws -> Int64 {
        let store = try SQLiteStore.open(path: tmp.path)
        defer { store.close() }
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", owner: "sam", createdAt: at), actor: "rep")
        try store.setNextStep(lead: lead.id, action: .demo, note: nil, owner: "sam", due: at, actor: "rep", at: at)
        return lead.id
    }

    @Test func theReadsOfAShortCommandOpenNoGRDBConnection() throws {
        let tmp = TempDatabase()
        let id = try book(tmp)
        let store = try SQLiteStore.open(path: tmp.path)
        defer { store.close() }
        let later = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(try store.leads().map(\.org) == ["Mercy"])
        #expect(try store.lead(id: id)?.org == "Mercy")
        #expect(try store.qualificationRecord(lead: id)?.nextStep?.action == .demo)
        var inputs = 0
        try store.forEachFollowUpInput(before: later, owner: nil) { _ in inputs += 1 }
        try store.forEachFollowUpInputToCount(before: later, owner: "sam") { _ in inputs += 1 }
        #expect(inputs == 2)
        var leads = 0
        try store.forEachLeadWithVerdictBasis(model: "m", createdSince: nil) { _, _, _ in leads += 1 }
        #expect(leads == 1)
        #expect(!store.isWriterOpen)

        // A change opens GRDB's connection; the next read on the C-API one sees it.
        try store.updateLead(id: id, field: .org, value: "Mercy North", actor: "rep", at: later)
        #expect(store.isWriterOpen)
        #expect(try store.lead(id: id)?.org == "Mercy North")
        #expect(try store.qualificationRecord(lead: id)?.lead.org == "Mercy North")
    }

    @Test func aReadStartedInsideAReadIsRefusedNotWaitedFor() throws {
        let tmp = TempDatabase()
        let id = try book(tmp)
        let store = try SQLiteStore.open(path: tmp.path)
        defer { store.close() }
        let error = try #require(throws: DiscoveryError.self) {
            try store.forEachLead(LeadFilter()) { _ in _ = try store.lead(id: id) }
        }
        #expect(error.exitCode == 4)
        #expect(error.message.contains("a read started inside a read"))
        // The connection is usable again afterwards.
        #expect(try store.lead(id: id)?.org == "Mercy")
    }

    @Test func aReadAfterTheCloseIsAnErrorNotACrash() throws {
        let tmp = TempDatabase()
        let id = try book(tmp)
        let store = try SQLiteStore.open(path: tmp.path)
        store.close()
        let error = try #require(throws: DiscoveryError.self) { _ = try store.lead(id: id) }
        #expect(error.exitCode == 4)
        // A change does not reopen GRDB's connection either.
        let change = try #require(throws: DiscoveryError.self) {
            try store.updateLead(id: id, field: .org, value: "Closed", actor: "rep", at: Date())
        }
        #expect(change.exitCode == 4)
        #expect(change.message.contains("the database is closed"))
        #expect(!store.isWriterOpen)
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "-wal"))
    }
}
