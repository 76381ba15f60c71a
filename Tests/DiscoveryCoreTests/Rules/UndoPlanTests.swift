import DiscoveryCore
import Foundation
import Testing

@Suite struct UndoPlanTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    static func entry(_ id: Int64, _ action: AuditAction, _ entity: String, _ entityId: Int64? = 7, field: String? = nil,
                      old: String? = nil, new: String? = nil, lead: Int64? = 3) -> AuditEntry {
        AuditEntry(id: id, changeId: 1, at: at, actor: "ana", leadId: lead, action: action, entity: entity, entityId: entityId,
                   field: field, oldValue: old, newValue: new)
    }

    typealias Row = (entry: AuditEntry, step: UndoPlan.Step, summary: String)

    static let reverted: [Row] = [
        (entry(1, .create, "lead", 3, new: "Mercy"), .delete(entity: "lead", id: 3), "removed lead #3"),
        (entry(1, .create, "signal", 9, new: "demo-request"), .delete(entity: "signal", id: 9), "removed signal #9"),
        (entry(1, .update, "lead", 3, field: "region", old: "West", new: "East"),
         .set(entity: "lead", id: 3, lead: 3, field: "region", value: "West", replacing: "East"), "lead #3 region: East → West"),
        (entry(1, .update, "lead", 3, field: "beds", old: nil, new: "120"),
         .set(entity: "lead", id: 3, lead: 3, field: "beds", value: nil, replacing: "120"), "lead #3 beds: 120 → (empty)"),
        (entry(1, .update, "lead", 3, field: "stage", old: "new", new: "mql"),
         .set(entity: "lead", id: 3, lead: 3, field: "stage", value: "new", replacing: "mql"), "lead #3 stage: mql → new"),
        (entry(1, .update, "next_step", 5, field: "done_at", old: nil, new: "2026-03-02"),
         .set(entity: "next_step", id: 5, lead: 3, field: "done_at", value: nil, replacing: "2026-03-02"), "next_step #5 done_at: 2026-03-02 → (empty)"),
        (entry(1, .revise, "answer", 11, field: "fit.region", old: #"{"choice":{"_0":"us"}}"#, new: nil),
         .restoreAnswer(lead: 3, question: "fit.region", value: #"{"choice":{"_0":"us"}}"#, revision: 11), "answer fit.region restored to us"),
        (entry(1, .revise, "answer", 11, field: "fit.region", old: nil, new: #"{"choice":{"_0":"us"}}"#),
         .restoreAnswer(lead: 3, question: "fit.region", value: nil, revision: 11), "answer fit.region restored to (unanswered)"),
        (entry(1, .update, "answer_note", 11, field: "fit.region", old: nil, new: "note"), .nothing, "note on fit.region restored"),
    ]

    @Test(arguments: 0..<reverted.count)
    func eachEntryRevertsToWhatItRecorded(row: Int) throws {
        let (entry, step, summary) = Self.reverted[row]
        let steps = try UndoPlan.steps(reverting: [entry])
        #expect(steps.map(\.step) == [step])
        #expect(steps.map(\.summary) == [summary])
    }

    @Test func theNewestEntryIsRevertedFirst() throws {
        let steps = try UndoPlan.steps(reverting: [
            Self.entry(1, .create, "contact", 4, new: "Ana"),
            Self.entry(2, .update, "contact", 4, field: "role", old: nil, new: "champion"),
        ])
        #expect(steps.map(\.step) == [
            .set(entity: "contact", id: 4, lead: 3, field: "role", value: nil, replacing: "champion"),
            .delete(entity: "contact", id: 4),
        ])
    }

    static let refused: [(AuditEntry, String)] = [
        (entry(1, .delete, "lead", 3), "the last change deleted L3 and erased its personal data; a deletion cannot be undone"),
        (entry(1, .update, "lead", 3, field: "created_at", old: "x", new: "y"), "the last change (lead created_at) cannot be undone"),
        (entry(1, .update, "audit", 3, field: "actor"), "the last change (update audit) cannot be undone"),
        (entry(1, .create, "lead", nil), "the last change (create lead) cannot be undone"),
        (entry(1, .revise, "answer", 11, field: nil), "the last answer cannot be undone"),
        (entry(1, .undo, "change", 2), "nothing to undo"),
    ]

    @Test(arguments: 0..<refused.count)
    func aChangeThatCannotBeUndoneIsRefusedWithItsReason(row: Int) {
        let (entry, message) = Self.refused[row]
        #expect(throws: DiscoveryError.failed(message)) { try UndoPlan.steps(reverting: [entry]) }
    }

    @Test func anAnswerValueThatCannotBeReadIsAStorageErrorNotASilentBlank() {
        let e = Self.entry(1, .revise, "answer", 11, field: "fit.region", old: "{broken", new: nil)
        let error = #expect(throws: DiscoveryError.self) { try UndoPlan.steps(reverting: [e]) }
        #expect(error?.kind == .storage)
    }
}
