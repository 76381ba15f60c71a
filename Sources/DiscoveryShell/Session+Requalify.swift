import DiscoveryCore
import DiscoveryStorage

extension Session {
    /// The verdict's flags before a change, when the change could clear `no-timeline` on a lead
    /// that may be marked for re-qualification; `nil` (nothing to compare) otherwise.
    func flagsBeforeAnswer(_ lead: Lead) -> [String]? {
        guard Requalification.stages.contains(lead.stage), lead.requalify == nil,
              let q = try? qualification(lead) else { return nil }
        return q.verdict.flagNames
    }

    /// Call after a change that may show new interest: marks the lead for re-qualification
    /// when `Requalification` says so, and prints it. Never fails the command that made the change.
    func checkRequalification(_ leadId: Int64, _ event: RequalifyEvent) {
        guard let lead = try? store.lead(id: leadId), Requalification.stages.contains(lead.stage), lead.requalify == nil,
              let q = try? qualification(lead),
              let trigger = Requalification.trigger(event, lead: lead, verdict: q.verdict) else { return }
        do {
            guard let marked = try store.markRequalify(lead: leadId, trigger: trigger, actor: user, at: now()),
                  let mark = marked.requalify else { return }
            print("\(lead.label) (\(lead.stage.rawValue)) is marked for re-qualification: \(trigger); due by \(CallTime.text(Requalification.due(mark)))")
        } catch {
            warn("\(lead.label) shows new interest (\(trigger)) but could not be marked for re-qualification: \(error.message)")
        }
    }
}
