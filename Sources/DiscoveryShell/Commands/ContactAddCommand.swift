import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let contactAdd = Command(CommandSpec(
        ["contact", "add"],
        usage: "contact add NAME [--title T] [--role R] [--email E] [--phone P] [--consent \(Consent.words.joined(separator: "|"))] [--lead LEAD]",
        summary: "Add a person to the current lead's stakeholder map",
        example: "contact add \"Dr. Ana Ruiz\" --title \"Chief of Surgery\" --role clinical-leader --email ana.ruiz@mercy.example",
        group: .leads, arguments: 1...1,
        options: [OptionSpec("--title", "T"), OptionSpec("--role", "R", completion: .values(ContactRole.self)), OptionSpec("--email", "E"),
                  OptionSpec("--phone", "P"), OptionSpec("--consent", "C", completion: .values(Consent.self)),
                  OptionSpec("--lead", "LEAD", completion: .lead)],
        completing: [.none]
    )) { inv, session in
        let lead = try session.lead(inv.option("--lead"))
        let name = try Validation.text(inv.arguments[0], name: "contact name")
        let existing = try session.store.contacts(lead: lead.id)
        if existing.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            throw DiscoveryError.failed("\(lead.label) already has a contact named '\(name)'; change it with 'contact set'")
        }
        let contact = Contact(
            leadId: lead.id, name: name,
            title: try inv.option("--title").map { try Validation.text($0, name: "--title") },
            role: try inv.option("--role").map(ContactRole.parse),
            email: try inv.option("--email").map(Validation.email),
            phone: try inv.option("--phone").map { try Validation.text($0, name: "--phone") },
            consent: try inv.option("--consent").map(Consent.parse) ?? .unknown,
            createdAt: session.now())
        _ = try session.store.addContact(contact, actor: session.user)
        session.print("\(lead.label): added \(name)\(contact.role.map { " (\($0.rawValue))" } ?? "")")
        session.refreshQualification(lead.id)
        session.checkRequalification(lead.id, .newContact(name: name))
    }
}
