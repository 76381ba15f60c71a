import DiscoveryCore
import DiscoveryStorage
import Foundation

extension PostgresStore: SignalStorage {
    @discardableResult
    public func addSignal(_ event: SignalEvent, actor: String) throws(DiscoveryError) -> SignalEvent {
        try change(actor: actor, at: event.at) { s, audit in
            _ = try Self.lockLead(s, event.leadId)
            var created = event
            created.id = try s.insert("INSERT INTO signal (lead_id, kind, note, actor, at, contact) VALUES ($1, $2, $3, $4, $5, $6)",
                                      .i(event.leadId), .t(event.kind), .t(event.note), .t(actor), .d(event.at), .t(event.contact))
            created.actor = actor
            created.at = StoredTime.rounded(event.at)
            try audit.record(lead: event.leadId, action: .create, entity: "signal", entityId: created.id, new: event.kind)
            return created
        }
    }

    public func signals(lead: Int64) throws(DiscoveryError) -> [SignalEvent] {
        try statement { s in try s.rows("SELECT * FROM signal WHERE lead_id = $1 ORDER BY at, id", .i(lead)).map(RecordRows.signal) }
    }
}
