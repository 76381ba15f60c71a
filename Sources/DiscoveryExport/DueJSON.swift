import DiscoveryCore
import Foundation

/// `due --json`: the moment, the owner asked for (`null` for everyone's) and the items in the
/// list's order. `DueJSONText` writes it element by element as bytes (`DueJSON+Writable.swift`);
/// this `Encodable` form is its reference.
public struct DueJSON: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var lead: String
        public var org: String
        @NullEncoded public var owner: String?
        public var kind: String
        public var what: String
        public var since: Date
        public var due: Date
        public var slaState: String
        public var overdue: Bool

        public init(_ i: DueItem) {
            lead = "L\(i.leadId)"
            org = i.org
            owner = i.owner
            kind = i.kind.rawValue
            what = i.what
            since = i.since
            due = i.due
            slaState = i.state.rawValue
            overdue = i.state == .breached
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case lead, org, owner, kind, what, since, due, slaState, overdue }
    }
    public var asOf: Date
    @NullEncoded public var owner: String?
    public var items: [Item]

    public init(asOf: Date, owner: String?, items: [Item]) {
        self.asOf = asOf
        self.owner = owner
        self.items = items
    }
}
