import DiscoveryCore

/// A contact's name as a CRM file writes it: its stored parts, or, for a name that could not
/// be split, the whole name as the last name (both CRMs accept that; a warning names it).
struct CRMName {
    let parts: PersonName
    /// The name was not split: it stands whole in the last-name column.
    let keptWhole: Bool

    init(_ contact: Contact) {
        // Stored parts, else the one split of the whole name (a contact not read from storage).
        if let parts = contact.nameParts ?? PersonName.parts(of: contact.name) {
            self.parts = parts
            keptWhole = false
        } else {
            parts = PersonName(last: contact.name)
            keptWhole = true
        }
    }

    /// The last-name column: neither CRM has a default suffix field (Salesforce's `Suffix`
    /// needs the "middle names and suffixes" setting), so the suffix follows the last name;
    /// `PersonName(columns:)` takes it off again on import.
    var lastColumn: String { parts.suffix.isEmpty ? parts.last : parts.last + " " + parts.suffix }

    /// The warning for a name kept whole, naming the lead and the contact.
    static func warnings(_ name: CRMName?, lead: Lead, contact: Contact?) -> [String] {
        guard let name, name.keptWhole, let contact else { return [] }
        return ["\(lead.label) \(lead.org): contact '\(contact.name)': name written whole as the last name (it cannot be split into first and last; set it as parts in the CRM)"]
    }
}
