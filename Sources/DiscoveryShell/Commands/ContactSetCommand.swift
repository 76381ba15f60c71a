import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Command {
    static let contactSet = Command(CommandSpec(
        ["contact", "set"],
        usage: "contact set NAME FIELD VALUE [--lead LEAD]",
        summary: "Change one field of a contact (\(ContactField.words.joined(separator: ", ")))",
        example: "contact set \"Dr. Ana Ruiz\" role economic-buyer",
        group: .leads, arguments: 3...3, options: [OptionSpec("--lead", "LEAD", completion: .lead)],
        completing: [.contact, .values(ContactField.self), .none]
    )) { inv, session in
        let lead = try session.lead(inv.option("--lead"))
        let contact = try session.contact(named: inv.arguments[0], of: lead)
        let field = try ContactField.parse(inv.arguments[1])
        let raw = inv.arguments[2]
        let value: String?
        switch field {
        case .name: value = try Validation.text(raw, name: "contact name")
        case .role: value = raw.isEmpty ? nil : try ContactRole.parse(raw).rawValue
        case .email: value = raw.isEmpty ? nil : try Validation.email(raw)
        case .consent: value = try Consent.parse(raw).rawValue
        case .title, .phone: value = raw.isEmpty ? nil : try Validation.text(raw, name: field.rawValue)
        }
        try session.store.updateContact(id: contact.id, field: field, value: value, actor: session.user, at: session.now())
        session.print("\(contact.name) \(field.rawValue): \(value ?? "(cleared)")")
        session.refreshQualification(lead.id)
    }
}

extension Session {
    /// A contact of `lead` by exact name (case-insensitive) or unique prefix.
    func contact(named token: String, of lead: Lead) throws(DiscoveryError) -> Contact {
        let contacts = try store.contacts(lead: lead.id)
        if let exact = contacts.first(where: { $0.name.caseInsensitiveCompare(token) == .orderedSame }) { return exact }
        let matches = contacts.filter { $0.name.lowercased().hasPrefix(token.lowercased()) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw .failed("\(lead.label) has no contact '\(token)'. 'contact list' shows its contacts")
        }
        throw .failed("'\(token)' matches several contacts of \(lead.label): \(matches.map(\.name).joined(separator: ", "))")
    }
}
