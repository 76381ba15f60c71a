import DiscoveryCore
import DiscoveryStorage
import Foundation

/// Checks of what `call`, `call start` and `call end` are given, shared so every form of a
/// call refuses the same bad input with the same message.
enum CallArguments {
    static let timeForms = "e.g. 14:30, 2026-03-02 14:30 or 2026-03-02T14:30:00Z (UTC)"
    static let longestCallMinutes = 24 * 60

    /// The outcome: the last of `CMD [LEAD] OUTCOME`'s words. A lone lead id means the
    /// outcome was forgotten, and is told as such.
    static func outcome(in arguments: [String], command: String) throws(DiscoveryError) -> CallOutcome {
        let text = arguments.last ?? ""
        if CallOutcome(word: text) == nil, arguments.count == 1, Session.leadId(text) != nil {
            let all = CallOutcome.words.joined(separator: ", ")
            throw .failed("'\(command) \(text)' needs an outcome: \(command) \(text) OUTCOME. \(CallOutcome.listName): \(all)")
        }
        return try CallOutcome.parse(text)
    }

    /// When a logged call happened: not malformed, not in the future.
    static func pastTime(_ text: String, now: Date) throws(DiscoveryError) -> Date {
        guard let at = CallTime.parse(text, now: now) else {
            throw .failed("invalid --at '\(text)': expected a time, \(timeForms)")
        }
        guard at <= now else {
            throw .failed("--at \(CallTime.text(at)) is in the future (now \(CallTime.text(now)) UTC): log a call once it has happened")
        }
        return at
    }

    /// When the follow-up is due: a time or a day (09:00), after the call.
    static func dueTime(_ text: String, after call: Date, now: Date) throws(DiscoveryError) -> Date {
        guard let due = CallTime.parse(text, now: now, dayAllowed: true) else {
            throw .failed("invalid --due '\(text)': expected a day (2026-03-04) or a time, \(timeForms)")
        }
        guard due > call else {
            throw .failed("--due \(CallTime.text(due)) is not after the call (\(CallTime.text(call))): give a later time")
        }
        return due
    }

    static func duration(_ text: String) throws(DiscoveryError) -> Int {
        guard let n = Int(text), n >= 0 else {
            throw .failed("invalid --duration '\(text)': expected whole minutes, 0 or more")
        }
        guard n <= longestCallMinutes else {
            throw .failed("invalid --duration '\(text)': a call lasts at most \(longestCallMinutes) minutes")
        }
        return n
    }

    /// `--reason` and `--due` fit some outcomes only; `other` needs a note.
    static func stageChange(for effect: OutcomeEffect, reason: ReasonCode?, note: String?, lead: Lead) throws(DiscoveryError) -> CallStageChange? {
        guard let move = effect.stageChange(reason: reason) else {
            if reason != nil {
                throw .failed("--reason goes with not-interested only (it picks the disqualification reason)")
            }
            return nil
        }
        if reason == .other && note == nil {
            throw .failed("reason 'other' needs --note saying why")
        }
        if lead.stage == move.stage && lead.stageReason == move.reason { return nil }
        return CallStageChange(stage: move.stage, reason: move.reason, note: note)
    }

    /// A lead or contact whose consent is `no`, or a contact marked do not call, may not be
    /// called unless the rep says why.
    /// Returns the override to record, `nil` when none is needed.
    static func consentOverride(lead: Lead, contact: Contact?, override: String?, session: Session) throws(DiscoveryError) -> String? {
        let refused = lead.consent == .no ? "\(lead.label)'s consent is 'no'"
            : contact?.consent == .no ? "the contact's consent on \(lead.label) is 'no'"
            : contact?.doNotCall == true ? "\(contact?.name ?? "the contact") on \(lead.label) is marked do not call" : nil
        guard let refused else {
            if override != nil { session.warn("--override ignored: nothing to override (consent is not 'no', no do-not-call)") }
            return nil
        }
        guard let override else {
            throw .failed("\(refused): no call may be made. If the call was invited, add --override \"why\" (it is audited)")
        }
        return override
    }

    /// `L3 Mercy Regional`.
    static func name(_ lead: Lead) -> String { "\(lead.label) \(Prompt.truncate(lead.org, to: 40))" }

    /// `Next: call again (...) by 2026-03-03 09:00.` or nothing.
    static func followUpLine(_ effect: OutcomeEffect, due: Date?) -> String? {
        guard let due else { return nil }
        var line = "Next: \(effect.followUpText) by \(CallTime.text(due))"
        if effect.followUp == .nextStepRequired || effect.followUp == .meetingIsNextStep {
            line += " ('next set ACTION --due DATE')"
        }
        return line + "."
    }
}
