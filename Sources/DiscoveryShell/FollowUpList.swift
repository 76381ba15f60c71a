import DiscoveryCore
import DiscoveryStorage
import Foundation

/// The follow-ups due today or overdue, as `due` and the shell's start-up line see them.
enum FollowUpList {
    static func due(_ session: Session, owner: String?) throws(DiscoveryError) -> [DueItem] {
        let now = session.now()
        let inputs = try session.store.followUpInputs(before: BusinessTime.endOfDay(now), owner: owner)
        let items = DueList.items(firstAttempts: inputs.firstAttempts, retries: inputs.retries, nextSteps: inputs.nextSteps,
                                  requalify: try session.store.requalifyLeads(owner: owner),
                                  highPriority: try session.highPrioritySignals, now: now)
        return DueList.due(items, owner: owner)
    }

    /// The one line the interactive shell prints at start: how many follow-ups are due or
    /// overdue for the user. `nil` when the database cannot say (the shell starts anyway).
    static func startNotice(_ session: Session) -> String? {
        guard let items = try? due(session, owner: session.user) else { return nil }
        guard !items.isEmpty else { return "No follow-ups due today for \(session.user)." }
        let overdue = items.filter { $0.state == .breached }.count
        let plural = items.count == 1 ? "follow-up" : "follow-ups"
        let detail = overdue > 0 ? " (\(overdue) overdue)" : ""
        return "\(items.count) \(plural) due today or overdue for \(session.user)\(detail): type 'due --owner \(session.user)'."
    }
}

extension Session {
    /// Signal kinds marked `priority: high` in the catalog: they shorten the first-attempt SLA to 4 hours.
    var highPrioritySignals: Set<String> {
        get throws(DiscoveryError) { Set(try catalog.signals.filter { $0.priority == .high }.map(\.id)) }
    }
}
