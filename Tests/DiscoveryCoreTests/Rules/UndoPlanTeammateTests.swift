import DiscoveryCore
import Foundation
import Testing

/// `undo` reverts your own change only while no teammate changed the same thing after you.
@Suite struct UndoPlanTeammateTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    static func entry(_ id: Int64, change: Int64, _ actor: String, _ action: AuditAction, _ entity: String, _ entityId: Int64?,
                      field: String? = nil, lead: Int64? = 3) -> AuditEntry {
        AuditEntry(id: id, changeId: change, at: at, actor: actor, leadId: lead, action: action, entity: entity, entityId: entityId,
                   field: field)
    }

    /// Ana's change 10, and what came after it: the id of the entry that blocks her undo, or nil.
    typealias Row = (name: String, mine: [AuditEntry], later: [AuditEntry], blocker: Int64?)

    static let regionByAna = entry(100, change: 10, "ana", .update, "lead", 3, field: "region")

    static let rows: [Row] = [
        ("nothing after", [regionByAna], [], nil),
        ("a teammate's other field", [regionByAna], [entry(101, change: 11, "ben", .update, "lead", 3, field: "beds")], nil),
        ("a teammate's same field", [regionByAna], [entry(101, change: 11, "ben", .update, "lead", 3, field: "region")], 101),
        ("the same field of another lead", [regionByAna],
         [entry(101, change: 11, "ben", .update, "lead", 4, field: "region", lead: 4)], nil),
        ("my own later change", [regionByAna], [entry(101, change: 11, "ana", .update, "lead", 3, field: "region")], nil),
        ("an entry before mine", [regionByAna], [entry(99, change: 9, "ben", .update, "lead", 3, field: "region")], nil),
        ("a teammate's change undone by them", [regionByAna],
         [entry(101, change: 11, "ben", .update, "lead", 3, field: "region"),
          entry(102, change: 12, "ben", .update, "lead", 3, field: "region"),
          entry(103, change: 12, "ben", .undo, "change", 11)], nil),
        ("a teammate's undo of a change older than mine", [regionByAna],
         [entry(101, change: 11, "ben", .update, "lead", 3, field: "region"),
          entry(102, change: 11, "ben", .undo, "change", 8)], 101),
        ("a teammate's update of the contact I added",
         [entry(100, change: 10, "ana", .create, "contact", 5)],
         [entry(101, change: 11, "ben", .update, "contact", 5, field: "title")], 101),
        ("a teammate's answer on the lead I created",
         [entry(100, change: 10, "ana", .create, "lead", 3)],
         [entry(101, change: 11, "ben", .revise, "answer", 40, field: "fit.region")], 101),
        ("a teammate's revision of the same question",
         [entry(100, change: 10, "ana", .revise, "answer", 40, field: "fit.region")],
         [entry(101, change: 11, "ben", .revise, "answer", 41, field: "fit.region")], 101),
        ("a teammate's note on the same question",
         [entry(100, change: 10, "ana", .revise, "answer", 40, field: "fit.region")],
         [entry(101, change: 11, "ben", .update, "answer_note", 41, field: "fit.region")], 101),
        ("a teammate's answer to another question",
         [entry(100, change: 10, "ana", .revise, "answer", 40, field: "fit.region")],
         [entry(101, change: 11, "ben", .revise, "answer", 41, field: "need.problem")], nil),
        ("the lead erased by a teammate", [regionByAna], [entry(101, change: 11, "ops", .delete, "lead", 3)], 101),
    ]

    @Test(arguments: rows.indices)
    func aTeammatesNewerChangeToTheSameThingBlocksTheUndo(row: Int) {
        let r = Self.rows[row]
        let blocker = UndoPlan.newerTeammateEntry(reverting: r.mine, actor: "ana", later: r.later)
        #expect(blocker?.id == r.blocker, "\(r.name)")
    }

    @Test func theRefusalSaysWhoseChangeIsNewer() {
        let newer = Self.entry(101, change: 11, "ben", .update, "lead", 3, field: "region")
        let error = UndoPlan.refusal(reverting: 10, newer: newer)
        #expect(error.exitCode == 1)
        #expect(error.message.hasPrefix("undo refused: ben's change 11 on L3 (lead region) is newer than your last change (10);"))
        #expect(error.message.hasSuffix("Nothing was undone; ask ben, or set it yourself"))
    }
}
