import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let accept = Command(CommandSpec(
        ["accept"],
        usage: "accept [LEAD] [--note TEXT]",
        summary: "Sales accepts an MQL: mql → sal (audited)",
        example: "accept L7 --note \"Called, real project\"",
        group: .verdicts, arguments: 0...1,
        options: [OptionSpec("--note", "TEXT")],
        completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        try Acceptance.requireMQL(lead, doing: "accepted")
        guard let moved = try session.store.acceptMQL(lead: lead.id, note: note, actor: session.user, at: session.now()) else {
            throw Acceptance.movedMeanwhile(lead)
        }
        session.print("\(lead.label) stage: mql → \(moved.stage.rawValue) (accepted by \(session.user))")
    }

    static let reject = Command(CommandSpec(
        ["reject"],
        usage: "reject [LEAD] --reason CODE [--note TEXT]",
        summary: "Sales sends an MQL back to marketing: mql → nurture with a reason (counted in 'report reasons')",
        example: "reject L7 --reason wrong-role --note \"Talked to a resident\"",
        group: .verdicts, arguments: 0...1,
        options: [OptionSpec("--reason", "CODE", completion: .words(RejectionReason.allCases.map(\.rawValue))),
                  OptionSpec("--note", "TEXT")],
        completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        guard let text = inv.option("--reason") else {
            throw DiscoveryError.failed("rejecting \(lead.label) needs --reason CODE (\(Acceptance.codes))")
        }
        let reason = try Acceptance.reason(text)
        let note = try inv.option("--note").map { try Validation.text($0, name: "--note") }
        if reason.requiresNote && note == nil {
            throw DiscoveryError.failed("reason 'other' needs --note TEXT saying why")
        }
        try Acceptance.requireMQL(lead, doing: "rejected")
        guard let moved = try session.store.rejectMQL(lead: lead.id, reason: reason, note: note, actor: session.user,
                                                      at: session.now()) else {
            throw Acceptance.movedMeanwhile(lead)
        }
        session.print("\(lead.label) stage: mql → \(moved.stage.rawValue) (rejected: \(reason.rawValue))")
    }
}

/// The checks `accept` and `reject` share.
enum Acceptance {
    static var codes: String { RejectionReason.allCases.map(\.rawValue).joined(separator: ", ") }

    static func reason(_ text: String) throws(DiscoveryError) -> RejectionReason {
        guard let reason = RejectionReason(rawValue: text.lowercased()) else {
            let all = RejectionReason.allCases.map(\.rawValue)
            throw .failed("unknown rejection reason '\(text)'.\(Suggestion.hint(for: text, in: all)) Reasons: \(codes)")
        }
        return reason
    }

    static func requireMQL(_ lead: Lead, doing: String) throws(DiscoveryError) {
        guard lead.stage == .mql else {
            throw .failed("\(lead.label) is not an MQL (stage \(lead.stage.rawValue)): only a lead in mql can be \(doing)")
        }
    }

    static func movedMeanwhile(_ lead: Lead) -> DiscoveryError {
        .failed("\(lead.label) left mql meanwhile (another change moved it); nothing changed")
    }
}
