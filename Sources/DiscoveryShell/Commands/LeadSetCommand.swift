import DiscoveryCore
import DiscoveryStorage

extension Command {
    static let leadSet = Command(CommandSpec(
        ["lead", "set"],
        usage: "lead set [LEAD] FIELD VALUE",
        summary: "Change one field of a lead (\(LeadField.words.joined(separator: ", ")))",
        example: "lead set L7 region US-OH",
        group: .leads, arguments: 2...3, completing: [.lead, .values(LeadField.self), .none]
    )) { inv, session in
        if inv.arguments.count == 2, LeadField(word: inv.arguments[0]) == nil, LeadField(word: inv.arguments[1]) != nil {
            throw DiscoveryError.usage("'lead set' is missing the value for \(inv.arguments[1]). Usage: \(inv.spec.usage)")
        }
        let (lead, rest) = try session.leadAndRest(inv.arguments, required: 2)
        let field = try LeadField.parse(rest[0])
        let raw = rest[1]
        let value: String?
        switch field {
        case .org:
            value = try Validation.text(raw, name: "organisation name")
        case .beds:
            value = String(try Validation.nonNegativeInt(raw, name: "beds"))
        case .consent:
            value = try Consent.parse(raw).rawValue
        case .profile:
            value = try Validation.profile(raw, in: session.catalog)
        default:
            // An empty value clears an optional field.
            value = raw.isEmpty ? nil : try Validation.text(raw, name: field.rawValue)
        }
        // The verdict before and after, so the rep is told what the change did (a new profile
        // brings other sets, gates and thresholds).
        let before = try? session.qualification(lead)
        try session.store.updateLead(id: lead.id, field: field, value: value, actor: session.user, at: session.now())
        session.print("\(lead.label) \(field.rawValue): \(value ?? "(cleared)")")
        if let updated = try session.store.lead(id: lead.id), let after = try? session.qualification(updated) {
            for line in VerdictText.changeLines(before: before, after: after, always: field == .profile) { session.print(line) }
        }
        session.refreshQualification(lead.id)
    }
}
