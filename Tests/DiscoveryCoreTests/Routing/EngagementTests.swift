import DiscoveryCore
import Foundation
import Testing

/// Account-level engagement: which contacts signals name.
@Suite struct EngagementTests {
    static let t0 = Date(timeIntervalSince1970: 1_772_442_000)

    static func contact(_ id: Int64, _ name: String) -> Contact { Contact(id: id, leadId: 1, name: name, createdAt: t0) }
    static func signal(_ id: Int64, _ kind: String, _ contact: String?) -> SignalEvent {
        SignalEvent(id: id, leadId: 1, kind: kind, actor: "mkto", at: t0 + Double(id), contact: contact)
    }

    @Test func engagedContactsInContactOrderWithTheirKinds() {
        let e = Engagement(contacts: [Self.contact(1, "Ana"), Self.contact(2, "Ben"), Self.contact(3, "Cy")],
                           signals: [Self.signal(1, "demo-request", "ben"), Self.signal(2, "webinar-attended", "Ana"),
                                     Self.signal(3, "demo-request", "Ben"), Self.signal(4, "email-open", "Ben"),
                                     Self.signal(5, "page-view", nil), Self.signal(6, "page-view", "Zed")])
        #expect(e.engaged == [.init(name: "Ana", kinds: ["webinar-attended"]), .init(name: "Ben", kinds: ["demo-request", "email-open"])])
        #expect(e.summary == "2 of 3 contacts: Ana (webinar-attended), Ben (demo-request, email-open)")
    }

    @Test func nobodyEngaged() {
        let e = Engagement(contacts: [Self.contact(1, "Ana")], signals: [Self.signal(1, "page-view", nil)])
        #expect(e.engaged.isEmpty && e.summary == "0 of 1 contact")
    }
}
