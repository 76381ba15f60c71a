/// `undo` reverts your own last change, never a teammate's: when a teammate changed the same
/// thing after you, reverting yours would silently throw theirs away, so it is refused and the
/// message says whose change is newer. Pure, so both backends refuse the same changes.
extension UndoPlan {
    /// The first change by someone other than `actor`, after `change`, that touches what `change`
    /// touched (the same field of the same row, an answer to the same question, anything on a
    /// row `change` created, the lead's erasure); nil when `change` may be reverted.
    ///
    /// `later` holds the audit entries newer than `change` on the leads it touched, by anyone:
    /// a change that was undone later, and the undo that reverted it, cancel out and count as
    /// neither.
    public static func newerTeammateEntry(reverting change: [AuditEntry], actor: String,
                                          later: [AuditEntry]) -> AuditEntry? {
        guard let changeId = change.map(\.changeId).max() else { return nil }
        let newer = later.filter { $0.changeId > changeId }
        var cancelled = Set<Int64>()
        for e in newer where e.action == .undo && e.entity == "change" {
            if let reverted = e.entityId, reverted > changeId {
                cancelled.insert(reverted)
                cancelled.insert(e.changeId)
            }
        }
        return newer.sorted { $0.id < $1.id }.first { e in
            e.actor != actor && !cancelled.contains(e.changeId) && !(e.action == .undo && e.entity == "change")
                && change.contains { touches(e, $0) }
        }
    }

    /// Whether `later` changed what `mine` changed.
    static func touches(_ later: AuditEntry, _ mine: AuditEntry) -> Bool {
        if later.action == .delete, later.entity == "lead", later.entityId != nil, later.entityId == mine.leadId {
            return true
        }
        if mine.action == .create, mine.entity == "lead", let lead = mine.entityId, later.leadId == lead {
            return true
        }
        let answers: Set<String> = ["answer", "answer_note"]
        if answers.contains(mine.entity) || answers.contains(later.entity) {
            return answers.contains(mine.entity) && answers.contains(later.entity)
                && later.leadId == mine.leadId && later.field == mine.field
        }
        guard later.entity == mine.entity, later.entityId != nil, later.entityId == mine.entityId else { return false }
        return mine.action == .create || later.field == nil || later.field == mine.field
    }

    /// The refusal for a change a teammate's `newer` entry came after.
    public static func refusal(reverting changeId: Int64, newer: AuditEntry) -> DiscoveryError {
        let lead = newer.leadId.map { " on L\($0)" } ?? ""
        let what = newer.action == .delete ? "\(newer.entity) erased"
            : [newer.entity == "answer" || newer.entity == "answer_note" ? "answer" : newer.entity, newer.field]
                .compactMap { $0 }.joined(separator: " ")
        return .failed("""
            undo refused: \(newer.actor)'s change \(newer.changeId)\(lead) (\(what)) is newer than your last change \
            (\(changeId)); undo reverts only your own change when nobody changed the same thing after you. \
            Nothing was undone; ask \(newer.actor), or set it yourself
            """)
    }
}
