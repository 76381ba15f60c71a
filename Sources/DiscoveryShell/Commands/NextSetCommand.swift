import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let nextSet = Command(CommandSpec(
        ["next", "set"],
        usage: "next set [LEAD] ACTION [--note TEXT] [--owner U] [--due YYYY-MM-DD]",
        summary: "Set the lead's next step (owner: the lead's owner, else you; due: in \(Recommendations.slaBusinessDays) business days)",
        example: "next set demo --note \"Technical walkthrough with Dr. Ruiz\" --owner ana --due 2026-03-06",
        group: .verdicts, arguments: 1...2,
        options: [OptionSpec("--note", "TEXT"), OptionSpec("--owner", "U"), OptionSpec("--due", "YYYY-MM-DD")],
        completing: [.lead, .values(NextAction.self)]
    )) { inv, session in
        let (lead, rest) = try session.leadAndRest(inv.arguments, required: 1)
        let action = try NextAction.parse(rest[0])
        if lead.consent == .no && action.isOutreach {
            let allowed = NextAction.allCases.filter { !$0.isOutreach }.map(\.rawValue).joined(separator: ", ")
            throw DiscoveryError.failed("\(lead.label)'s consent is no: '\(action.rawValue)' is an outreach step and cannot be set (allowed: \(allowed))")
        }
        let now = session.now()
        let due = try inv.option("--due").map { text throws(DiscoveryError) in try NextStepArguments.due(text, now: now) }
            ?? BusinessDays.add(Recommendations.slaBusinessDays, to: now)
        let owner = try inv.option("--owner").map { try Validation.text($0, name: "--owner") }
            ?? lead.owner.flatMap { $0.isEmpty ? nil : $0 } ?? session.user
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        let step = try session.store.setNextStep(lead: lead.id, action: action, note: note, owner: owner, due: due,
                                                 actor: session.user, at: now)
        session.print("\(lead.label) next step: " + VerdictText.nextStep(step))
    }

    static let nextDone = Command(CommandSpec(
        ["next", "done"],
        usage: "next done [LEAD]",
        summary: "Mark the lead's next step done",
        example: "next done L7",
        group: .verdicts, arguments: 0...1, completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let step = try session.store.completeNextStep(lead: lead.id, actor: session.user, at: session.now())
        session.print("\(lead.label) next step done: \(step.action.rawValue)\(step.note.map { " \"\($0)\"" } ?? "")")
    }
}

/// Checks of `next set`'s words.
enum NextStepArguments {
    /// A `YYYY-MM-DD` day, today or later.
    static func due(_ text: String, now: Date) throws(DiscoveryError) -> Date {
        guard let day = Dates.parseDay(text) else {
            if let why = Dates.impossibleDay(text) { throw .failed("invalid --due: \(why)") }
            throw .failed("invalid --due '\(text)': expected a date as YYYY-MM-DD, e.g. \(Dates.day(BusinessDays.add(2, to: now)))")
        }
        if Dates.day(day) < Dates.day(now) {
            throw .failed("--due \(text) is in the past (today is \(Dates.day(now))); give today or a later date")
        }
        return day
    }
}
