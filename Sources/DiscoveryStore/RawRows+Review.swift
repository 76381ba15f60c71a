import DiscoveryCore
import Foundation

extension RawRows {
    /// A stage move from the columns of `SQLiteStore.stageMovesSQL` (`lead_id, old_value,
    /// new_value, at`); `nil` for a move to a stage this version does not know (left out, as
    /// `stageMoves` leaves it out).
    static func stageMove(_ c: some PositionalRow) throws -> StageMove? {
        guard let to = c.text(2).flatMap(Stage.init(rawValue:)) else { return nil }
        return StageMove(leadId: c.int64(0) ?? 0, from: c.text(1).flatMap(Stage.init(rawValue:)), to: to,
                         at: try c.date(3, table: "audit", row: nil))
    }

    static let rejectionColumns = "id, lead_id, reason, note, actor, at"

    static func rejection(_ c: some PositionalRow) throws -> Rejection {
        let id = c.int64(0) ?? 0
        return Rejection(id: id, leadId: c.int64(1) ?? 0, reason: try c.value(RejectionReason.self, 2, table: "rejection", row: id),
                         note: c.text(3), actor: c.text(4) ?? "", at: try c.date(5, table: "rejection", row: id))
    }
}
