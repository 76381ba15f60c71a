import DiscoveryCore
import DiscoveryStorage
import Foundation
import LineEditor
import Testing
@testable import DiscoveryShell

/// The interview asks the lead's and each contact's unknown consent once, after the question
/// the sets mark `then-ask-consent` (the bundled committee contacts question).
@Suite struct InterviewConsentTests {
    static let catalog: Catalog = {
        var c = TestCatalog.discovery
        c.sets[1].questions[0].thenAskConsent = true   // committee.approvers
        return c
    }()

    func interview(_ t: TestShell, _ inputs: [LineInput], args: String = "committee") -> (out: String, err: String, prompts: [String]) {
        let reader = ScriptedLineReader(inputs, interactive: true)
        t.session.reader = reader
        let r = t.output("ask " + args)
        return (r.out, r.err, reader.prompts)
    }

    static func prompt(_ who: String) -> String {
        "Consent: may we follow up with \(who) (calls, email)? yes / no, Enter leaves it unknown> "
    }

    @Test func consentIsAskedOnceAfterTheCommitteeIsNamed() throws {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new 'Heartland IDN'")
        #expect(t.output("next").out.contains("1. request-consent"))
        let r = interview(t, [.line("Dr. Ana Ruiz (champion), Ben Ode"), .line("yes"), .line("maybe"), .line("y"), .line(""),
                              .line("/back"), .line(""), .line("/stop")])
        #expect(r.prompts.filter { $0.hasPrefix("Consent:") } == [
            Self.prompt("Heartland IDN"), Self.prompt("Dr. Ana Ruiz"), Self.prompt("Dr. Ana Ruiz"), Self.prompt("Ben Ode"),
        ])
        #expect(r.out.contains("  consent of Heartland IDN: yes\n  consent of Dr. Ana Ruiz: yes\n"), "\(r.out)")
        #expect(r.err.contains("'maybe' is not a consent answer: type yes or no"))
        #expect(try t.store.lead(id: 1)?.consent == .yes)
        #expect(try t.store.contacts(lead: 1).map(\.consent) == [.yes, .unknown])
        // The buyer agreed to follow-up: next no longer puts request-consent first.
        #expect(!t.output("next").out.contains("request-consent"))
        #expect(try t.store.audit(lead: 1).contains { $0.field == "consent" && $0.newValue == "yes" })
    }

    @Test func knownConsentIsNotAskedAndOtherSetsDoNotAsk() throws {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new 'Heartland IDN' --consent no")
        var r = interview(t, [.line("Ana (champion)"), .line("no"), .line("/stop")])
        #expect(r.prompts.filter { $0.hasPrefix("Consent:") } == [Self.prompt("Ana")])
        #expect(try t.store.contacts(lead: 1).first?.consent == .no)
        t.run("lead new Mercy")
        t.run("use L2")
        r = interview(t, [.line("1"), .line("/stop")], args: "timeline")
        #expect(!r.prompts.contains { $0.hasPrefix("Consent:") })
    }

    @Test func skippingTheMarkedQuestionStillAsksAndStopEndsTheConsentQuestions() throws {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new 'Heartland IDN'")
        t.run("contact add 'Dr. Ana Ruiz'")
        let r = interview(t, [.line(""), .line("/stop"), .line("/stop")])
        #expect(r.prompts.filter { $0.hasPrefix("Consent:") } == [Self.prompt("Heartland IDN")])
        #expect(try t.store.lead(id: 1)?.consent == .unknown)
    }
}

extension InterviewConsentTests {
    @Test func aScriptIsNotAskedForConsent() throws {
        let t = try TestShell(catalog: Self.catalog)
        t.run("lead new 'Heartland IDN'")
        let reader = ScriptedLineReader([.line("Ana (champion)"), .line("yes"), .line("/stop")], interactive: false)
        t.session.reader = reader
        #expect(t.output("ask committee").code == 0)
        #expect(!reader.prompts.contains { $0.hasPrefix("Consent:") })
        // The next line answered the next question, as in every script before.
        #expect(try t.store.answersInForce(lead: 1)["committee.process"] == .text("yes"))
        #expect(try t.store.lead(id: 1)?.consent == .unknown)
    }
}
