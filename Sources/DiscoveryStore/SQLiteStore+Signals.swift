import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

extension SQLiteStore: SignalStorage {
    /// Records an engagement signal against a lead, as one audited (and undoable) change.
    @discardableResult
    public func addSignal(_ event: SignalEvent, actor: String) throws(DiscoveryError) -> SignalEvent {
        try change(actor: actor, at: event.at) { db, audit in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM lead WHERE id = ?", arguments: [event.leadId]) != nil else {
                throw DiscoveryError.failed("no lead L\(event.leadId)")
            }
            try db.execute(sql: "INSERT INTO signal (lead_id, kind, note, actor, at, contact) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [event.leadId, event.kind, event.note, actor, event.at, event.contact])
            var created = event
            created.id = db.lastInsertedRowID
            created.actor = actor
            try audit.record(lead: event.leadId, action: .create, entity: "signal", entityId: created.id,
                             new: event.kind)
            return created
        }
    }

    /// A lead's signals, oldest first.
    public func signals(lead: Int64) throws(DiscoveryError) -> [SignalEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM signal WHERE lead_id = ? ORDER BY at, id", arguments: [lead])
                .map(Rows.signal)
        }
    }
}
