import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `signal add KIND --contact NAME` and who engaged: in status, lead show and the handoff.
@Suite struct EngagementCommandTests {
    func shell() throws -> TestShell {
        let t = try TestShell(catalog: VerdictCatalog.catalog, user: "sam")
        t.run("lead new Acme")
        t.run("contact add 'Dana Reyes' --role champion")
        t.run("contact add 'Sam Lee'")
        t.run("contact add 'Ola Berg'")
        return t
    }

    @Test func aSignalNamesItsContactAndTheEngagedAreShown() throws {
        let t = try shell()
        let r = t.output("signal add webinar-attended --contact 'dana reyes'")
        #expect(r.code == 0 && r.out == "L1: webinar-attended (Attended a webinar) from Dana Reyes +15 intent\n")
        t.run("signal add demo-request --contact 'Sam Lee'")
        t.run("signal add webinar-attended --contact 'Dana Reyes'")
        t.run("signal add webinar-attended")
        #expect(try t.store.signals(lead: 1).map(\.contact) == ["Dana Reyes", "Sam Lee", "Dana Reyes", nil])
        let summary = "2 of 3 contacts: Dana Reyes (webinar-attended), Sam Lee (demo-request)"
        #expect(t.output("status").out.contains("engaged    \(summary)\n"))
        #expect(t.output("lead show").out.hasSuffix("Engaged: \(summary)\n"))
        let handoff = t.output("handoff").out
        #expect(handoff.contains("- Engaged contacts: \(summary)\n"))
        #expect(handoff.contains("(demo-request) from Sam Lee"))
        let json = t.output("handoff --format json").out
        #expect(json.contains("\"engaged_contacts\" : ["))
        #expect(json.contains("\"contact\" : \"Sam Lee\""))
    }

    @Test func noNamedSignalShowsNoEngagementLine() throws {
        let t = try shell()
        t.run("signal add webinar-attended")
        #expect(!t.output("status").out.contains("engaged"))
        #expect(!t.output("lead show").out.contains("Engaged"))
    }

    @Test func anUnknownContactIsRefusedAndChangesNothing() throws {
        let t = try shell()
        let before = try t.store.audit().count
        let r = t.output("signal add webinar-attended --contact 'Dana Rayes'")
        #expect(r.code == 1)
        #expect(r.err == "error: L1 has no contact named 'Dana Rayes'. Did you mean 'Dana Reyes'? Contacts: Dana Reyes, Sam Lee, Ola Berg; add them with 'contact add \"Dana Rayes\"'\n")
        #expect(try t.store.audit().count == before)
    }
}
