import DiscoveryCore
import Foundation

/// The people of a lead's buying committee.
public protocol ContactStorage: AnyObject, Sendable {
    /// Adds a contact and returns it with its id.
    func addContact(_ contact: Contact, actor: String) throws(DiscoveryError) -> Contact
    /// The lead's contacts, in the order they were added.
    func contacts(lead: Int64) throws(DiscoveryError) -> [Contact]
    /// Sets one field of a contact; records old and new value. Returns the updated contact.
    /// The contacts whose name could not be split into parts (`Contact.nameParts` is nil):
    /// those the v4 migration left whole, and any added since with such a name, by lead.
    func contactsWithUnsplitNames() throws(DiscoveryError) -> [Contact]
    @discardableResult
    func updateContact(id: Int64, field: ContactField, value: String?, actor: String, at: Date) throws(DiscoveryError) -> Contact
}
