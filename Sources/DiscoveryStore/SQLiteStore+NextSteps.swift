import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: NextStepStorage {
    /// The lead's open next step (not done), if any: the newest when there are several.
    public func openNextStep(lead: Int64) throws(DiscoveryError) -> NextStep? {
        try read { db in try Self.openNextStep(db: db, lead: lead) }
    }

    static func openNextStep(db: Database, lead: Int64) throws -> NextStep? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM next_step WHERE lead_id = ? AND done_at IS NULL ORDER BY id DESC LIMIT 1"),
                         arguments: [lead]).map(Rows.nextStep)
    }

    /// Sets the lead's next step as one audited change: a new row when none is open, else the
    /// open one is changed in place (each changed field audited). `undo` reverts either.
    @discardableResult
    public func setNextStep(lead: Int64, action: NextAction, note: String?, owner: String?, due: Date,
                            actor: String, at: Date) throws(DiscoveryError) -> NextStep {
        try change(actor: actor, at: at) { db, audit in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM lead WHERE id = ?", arguments: [lead]) != nil else {
                throw DiscoveryError.failed("no lead L\(lead)")
            }
            guard let open = try Self.openNextStep(db: db, lead: lead) else {
                try db.execute(sql: """
                    INSERT INTO next_step (lead_id, action, note, owner, due, set_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [lead, action.rawValue, note, owner, due, at, actor])
                let id = db.lastInsertedRowID
                try audit.record(lead: lead, action: .create, entity: "next_step", entityId: id, new: action.rawValue)
                return NextStep(id: id, leadId: lead, action: action, note: note, owner: owner, due: due, setAt: at, actor: actor)
            }
            let changes: [(String, String?, String?, DatabaseValueConvertible?)] = [
                ("action", open.action.rawValue, action.rawValue, action.rawValue),
                ("note", open.note, note, note),
                ("owner", open.owner, owner, owner),
                ("due", open.due.map(Self.dateText), Self.dateText(due), due),
            ]
            for (column, old, new, value) in changes where old != new {
                // `column` comes from the fixed list above, never from user text.
                try db.execute(sql: "UPDATE next_step SET \(column) = ? WHERE id = ?", arguments: [value, open.id])
                try audit.record(lead: lead, action: .update, entity: "next_step", entityId: open.id, field: column,
                                 old: old, new: new)
            }
            return try Self.openNextStep(db: db, lead: lead) ?? open
        }
    }

    /// Marks the lead's open next step done, as one audited change. Fails when none is open.
    @discardableResult
    public func completeNextStep(lead: Int64, actor: String, at: Date) throws(DiscoveryError) -> NextStep {
        try change(actor: actor, at: at) { db, audit in
            guard var open = try Self.openNextStep(db: db, lead: lead) else {
                throw DiscoveryError.failed("L\(lead) has no open next step; set one with 'next set ACTION'")
            }
            try db.execute(sql: "UPDATE next_step SET done_at = ? WHERE id = ?", arguments: [at, open.id])
            try audit.record(lead: lead, action: .update, entity: "next_step", entityId: open.id, field: "done_at",
                             old: nil, new: Self.dateText(at))
            open.doneAt = at
            return open
        }
    }

    /// A date as the database stores it, so `undo` can write an audit value straight back.
    static func dateText(_ date: Date) -> String {
        date.databaseValue.storage.value as? String ?? Dates.iso(date)
    }
}
