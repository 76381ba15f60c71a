import Foundation

/// `report sla`: first-attempt SLAs met, due, open and breached, per lead owner.
public struct SLAReport: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var owner: String
        public var met = 0
        public var due = 0
        public var open = 0
        public var breached = 0
        /// `met / (met + breached)`; `nil` while nothing is settled.
        public var compliance: Double?

        private enum CodingKeys: String, CodingKey { case owner, met, due, open, breached, compliance }

        /// `compliance` is written as null while unsettled, so every row has the same keys.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(owner, forKey: .owner)
            try c.encode(met, forKey: .met)
            try c.encode(due, forKey: .due)
            try c.encode(open, forKey: .open)
            try c.encode(breached, forKey: .breached)
            try c.encode(compliance, forKey: .compliance)
        }

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
        var rows: [String: Row] = [:]
        var total = Row(owner: "total")
        var excluded = 0
        for c in candidates {
            guard let sla = c.sla(highPriority: highPriority) else { continue }
            if c.lead.consent == .no { excluded += 1; continue }
            let owner = c.lead.owner ?? "(none)"
            let state = sla.state(firstAttempt: c.firstAttempt, now: now)
            rows[owner, default: Row(owner: owner)].count(state)
            total.count(state)
        }
        var owners = rows.values.sorted { $0.owner < $1.owner }
        for i in owners.indices { owners[i].settle() }
        total.settle()
        return SLAReport(owners: owners, total: total, excludedNoConsent: excluded)
    }
}
