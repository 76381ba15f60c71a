import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let callStart = Command(CommandSpec(
        ["call", "start"],
        usage: "call start [LEAD] [--contact NAME] [--override WHY]",
        summary: "Open a call on the lead; answers given until 'call end' are linked to it",
        example: "call start L7 --contact \"Dr. Ana Ruiz\"",
        group: .calls, arguments: 0...1,
        options: [OptionSpec("--contact", "NAME", completion: .contact), OptionSpec("--override", "WHY")],
        completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let contact = try inv.option("--contact").map { try session.contact(named: $0, of: lead) }
        let override = try CallArguments.consentOverride(
            lead: lead, contact: contact, override: try inv.option("--override").map { try Validation.text($0, name: "--override") },
            session: session)
        let now = session.now()
        let call = try session.store.startCall(
            Call(leadId: lead.id, outcome: nil, at: now, actor: session.user, contactId: contact?.id, consentOverride: override),
            actor: session.user)
        session.currentLead = lead.id
        session.print("\(CallArguments.name(lead)): call started at \(CallTime.text(call.at)). End it with 'call end OUTCOME'.")
    }
}
