import DiscoveryCore
import Foundation

extension HandoffNote {
    /// Risks and blockers, most serious first: hard stops, the stage's own reason, flags,
    /// the gates not met, contacts who must not be contacted, missing roles, an overdue next step.
    static func risks(record: QualificationRecord, verdict: Verdict, missingRoles: [ContactRole], now: Date) -> [String] {
        var out: [String] = []
        for stop in verdict.hardStops {
            out.append("Hard stop \(stop.reason.rawValue): \(stop.source.description)")
        }
        let lead = record.lead
        if let reason = lead.stageReason {
            out.append("Stage \(lead.stage.rawValue) with reason \(reason.rawValue)\(lead.stageNote.map { ": \($0)" } ?? "")")
        }
        if lead.consent == .no { out.append("The organisation's consent is no: no outreach") }
        if lead.consent == .unknown { out.append("Consent is unknown: ask for it before any outreach") }
        for flag in verdict.flags {
            out.append("Flag \(flag.name): \(flag.source.description)")
        }
        let missing = verdict.missingGates
        if !missing.isEmpty {
            out.append("Gates not met: \(missing.joined(separator: ", ")) (what is missing: see Scores and gates)")
        }
        for c in record.contacts where c.consent == .no {
            out.append("Do not contact \(c.name): consent is no")
        }
        if !missingRoles.isEmpty {
            out.append("No contact yet for: \(missingRoles.map(\.rawValue).joined(separator: ", "))")
        }
        if let step = record.nextStep, let due = step.due, due < now {
            out.append("The next step \(step.action.rawValue) was due \(Dates.day(due)) and is overdue")
        }
        return out
    }
}
