import Foundation

/// Account-level engagement (SPEC §11): which of the organisation's contacts signals name.
public struct Engagement: Sendable, Equatable {
    /// One engaged contact, with the kinds of the signals that name them (first seen first).
    public struct Person: Sendable, Equatable {
        public var name: String
        public var kinds: [String]

        public init(name: String, kinds: [String]) {
            self.name = name
            self.kinds = kinds
        }
    }

    /// Engaged contacts in the order they were added.
    public var engaged: [Person]
    /// All the lead's contacts.
    public var contacts: Int

    /// From the lead's contacts and signals; a signal naming someone who is not (or no longer)
    /// a contact counts for nobody. Names match case-insensitively.
    public init(contacts: [Contact], signals: [SignalEvent]) {
        let ordered = signals.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        engaged = contacts.compactMap { contact in
            var kinds: [String] = []
            for s in ordered where s.contact?.caseInsensitiveCompare(contact.name) == .orderedSame && !kinds.contains(s.kind) {
                kinds.append(s.kind)
            }
            return kinds.isEmpty ? nil : Person(name: contact.name, kinds: kinds)
        }
        self.contacts = contacts.count
    }

    /// `2 of 3 contacts: Dana Reyes (demo-request), Sam Lee (webinar-attended, email-click)`.
    public var summary: String {
        "\(engaged.count) of \(contacts) contact\(contacts == 1 ? "" : "s")"
            + (engaged.isEmpty ? "" : ": " + engaged.map { "\($0.name) (\($0.kinds.joined(separator: ", ")))" }.joined(separator: ", "))
    }
}
