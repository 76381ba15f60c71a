import Foundation

/// `report sla`: first-attempt SLAs met, due, open and breached, per lead owner.
public struct SLAReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var owner: String
        public var met = 0
        public var due = 0
        public var open = 0
        public var breached = 0
        /// `met / (met + breached)`; null while nothing is settled.
        @NullEncoded public var compliance: Double?

        mutating func count(_ state: SLAState) {
            switch state {
            case .met: met += 1
            case .due: due += 1
            case .open: open += 1
            case .breached: breached += 1
            }
        }

        mutating func settle() {
            compliance = met + breached == 0 ? nil : Ratio.round(Double(met) / Double(met + breached))
        }
    }
    /// One row per owner, by name; leads without an owner under `(none)`.
    public var owners: [Row]
    public var total: Row
    /// Leads left out because their consent is `no` (no outreach, so no SLA).
    public var excludedNoConsent: Int

    public static func compute(_ candidates: [FirstAttemptCandidate], highPriority: Set<String>, now: Date) -> SLAReport {
        var tally = Tally(highPriority: highPriority, now: now)
        for c in candidates { tally.add(c) }
        return tally.report
    }

    /// The report built one lead at a time, as the storage hands the leads out: only the
    /// counts per owner are kept, so memory does not grow with the book.
    public struct Tally: Sendable {
        let highPriority: Set<String>
        let now: Date
        var rows: [String: Row] = [:]
        var total = Row(owner: "total")
        var excluded = 0

        public init(highPriority: Set<String>, now: Date) {
            self.highPriority = highPriority
            self.now = now
        }

        public mutating func add(_ c: FirstAttemptCandidate) {
            guard let sla = c.sla(highPriority: highPriority) else { return }
            if c.lead.consent == .no { excluded += 1; return }
            let owner = c.lead.owner ?? "(none)"
            let state = sla.state(firstAttempt: c.firstAttemptAt, now: now)
            rows[owner, default: Row(owner: owner)].count(state)
            total.count(state)
        }

        public var report: SLAReport {
            var owners = rows.values.sorted { $0.owner < $1.owner }
            for i in owners.indices { owners[i].settle() }
            var total = total
            total.settle()
            return SLAReport(owners: owners, total: total, excludedNoConsent: excluded)
        }
    }
}
