import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: NextStepStorage {
    public func openNextStep(lead: Int64) throws(DiscoveryError) -> NextStep? {
        try statement { s in try Self.openNextStep(s, lead: lead) }
    }

    static func openNextStep(_ s: SQLSession, lead: Int64) throws -> NextStep? {
        try s.one("SELECT * FROM next_step WHERE lead_id = $1 AND done_at IS NULL ORDER BY id DESC LIMIT 1", .i(lead))
            .map(RecordRows.nextStep)
    }

    @discardableResult
    public func setNextStep(lead: Int64, action: NextAction, note: String?, owner: String?, due: Date,
                            actor: String, at: Date) throws(DiscoveryError) -> NextStep {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, lead)
            guard let open = try Self.openNextStep(s, lead: lead) else {
                let id = try s.insert("""
                    INSERT INTO next_step (lead_id, action, note, owner, due, set_at, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, .i(lead), .t(action.rawValue), .t(note), .t(owner), .d(due), .d(at), .t(actor))
                try audit.record(lead: lead, action: .create, entity: "next_step", entityId: id, new: action.rawValue)
                return NextStep(id: id, leadId: lead, action: action, note: note, owner: owner, due: StoredTime.rounded(due),
                                setAt: StoredTime.rounded(at), actor: actor)
            }
            let changes: [(String, String?, String?, SQLValue)] = [
                ("action", open.action.rawValue, action.rawValue, .t(action.rawValue)),
                ("note", open.note, note, .t(note)),
                ("owner", open.owner, owner, .t(owner)),
                ("due", open.due.map(StoredTime.text), StoredTime.text(due), .d(due)),
            ]
            for (column, old, new, value) in changes where old != new {
                // `column` comes from the fixed list above, never from user text.
                try s.exec("UPDATE next_step SET \(column) = $1 WHERE id = $2", value, .i(open.id))
                try audit.record(lead: lead, action: .update, entity: "next_step", entityId: open.id, field: column, old: old, new: new)
            }
            return try Self.openNextStep(s, lead: lead) ?? open
        }
    }

    @discardableResult
    public func completeNextStep(lead: Int64, actor: String, at: Date) throws(DiscoveryError) -> NextStep {
        try change(actor: actor, at: at) { s, audit in
            _ = try Self.lockLead(s, lead)
            guard var open = try Self.openNextStep(s, lead: lead) else {
                throw DiscoveryError.failed("L\(lead) has no open next step; set one with 'next set ACTION'")
            }
            try s.exec("UPDATE next_step SET done_at = $1 WHERE id = $2", .d(at), .i(open.id))
            try audit.record(lead: lead, action: .update, entity: "next_step", entityId: open.id, field: "done_at",
                             old: nil, new: StoredTime.text(at))
            open.doneAt = StoredTime.rounded(at)
            return open
        }
    }
}
