import DiscoveryCore
import Testing
@testable import QuestionSets

/// The bundled `question-sets/` must always lint clean and keep the names the verdict engine relies on.
@Suite struct BundledQuestionSetsTests {
    let report = CatalogLoader.lint(directory: LintFixture.bundledFolder)
    var catalog: Catalog { report.catalog }

    @Test func lintsWithoutErrors() {
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test func shipsTheAgreedSetsProfilesAndSignals() {
        #expect(Set(catalog.sets.map(\.id)) == ["fit", "need", "committee", "evidence", "timeline", "compliance", "systems"])
        #expect(Set(catalog.profiles.map(\.id)) == ["capital-equipment", "consumables", "service-software", "healthtech"])
        let points = Dictionary(uniqueKeysWithValues: catalog.signals.map { ($0.id, $0.score) })
        #expect(points["email-open"] == ScoreDelta(intent: 1))
        #expect(points["email-click"] == ScoreDelta(intent: 3))
        #expect(points["page-view"] == ScoreDelta(intent: 2))
        #expect(points["high-intent-page"] == ScoreDelta(intent: 10))
        #expect(points["content-download"] == ScoreDelta(intent: 10))
        #expect(points["webinar-registration"] == ScoreDelta(intent: 5))
        #expect(points["webinar-attended"] == ScoreDelta(intent: 15))
        #expect(points["demo-request"] == ScoreDelta(intent: 50))
        #expect(points["unsubscribe"] == ScoreDelta(intent: -20))
        #expect(points["student-or-resident"] == ScoreDelta(fit: -25))
        #expect(points["disqualified-facility"] == ScoreDelta(fit: -15))
        #expect(points["inactive-90-days"] == ScoreDelta(intent: -10))
        // The strong signals the guides name (issue 16): requests for material, questions about
        // implementation, procedure sessions, evaluation goals, security reviews, pricing revisits.
        #expect(points["technical-materials-request"] == ScoreDelta(intent: 30))
        #expect(points["implementation-question"] == ScoreDelta(intent: 20))
        #expect(points["procedure-session-attended"] == ScoreDelta(intent: 20))
        #expect(points["evaluation-goals-form"] == ScoreDelta(intent: 25))
        #expect(points["security-questionnaire-request"] == ScoreDelta(intent: 30))
        #expect(points["pricing-page-revisit"] == ScoreDelta(intent: 15))
        #expect(catalog.signals.filter { $0.priority == .high }.map(\.id)
                == ["demo-request", "technical-materials-request", "evaluation-goals-form", "security-questionnaire-request"])
    }

    @Test func everyQuestionSaysWhyItIsAsked() {
        let missing = catalog.sets.flatMap(\.questions).filter { ($0.why ?? "").isEmpty }.map(\.fullId)
        #expect(missing == [])
    }

    @Test func profilesUseTheAgreedThresholdsAndGates() throws {
        let capital = try #require(catalog.profile("capital-equipment"))
        #expect(capital.mql == .init(minTotal: 75, minFit: 30))
        #expect(capital.sets == ["fit", "need", "committee", "evidence", "timeline"])
        #expect(capital.sql.gates == ["need", "decision-path", "evidence", "timeline", "eligibility", "next-step"])
        #expect(capital.bands[.intent] == Band(mid: 20, high: 50))
        #expect(catalog.profile("consumables")?.mql.minTotal == 40)
        let healthtech = try #require(catalog.profile("healthtech"))
        #expect(healthtech.sets.contains("compliance") && healthtech.sets.contains("systems"))
        #expect(healthtech.sql.gates.contains("security-review"))
        for profile in catalog.profiles where profile.id != "healthtech" {
            #expect(!profile.sql.gates.contains("security-review"), "\(profile.id)")
        }
    }

    @Test func carriesTheAgreedGatesFlagsAndStops() {
        let questions = catalog.sets.flatMap(\.questions)
        let gates = CatalogValidator.gates(in: catalog.sets)
        #expect(gates == ["need", "decision-path", "evidence", "timeline", "eligibility", "security-review"])
        let flags = Set(questions.compactMap(\.flag) + questions.flatMap(\.choices).compactMap(\.flag))
        #expect(flags == ["no-timeline", "no-end-customer", "technical-open", "evidence-open", "procurement-engaged"])
        let stops = Set(questions.compactMap(\.stop) + questions.flatMap(\.choices).compactMap(\.stop))
        #expect(stops.isSuperset(of: [.wrongSpecialty, .wrongGeography, .wrongOrgType, .notQualifiedFacility,
                                      .alreadyCustomer, .competitorLocked, .noBudget]))
    }

    @Test func distributorFollowUpFlagsMissingEndCustomers() throws {
        let orgType = try #require(catalog.question("fit.org-type"))
        #expect(orgType.choice("distributor") != nil)
        let followUp = try #require(catalog.question("fit.end-customers"))
        #expect(followUp.when == .answerIn(question: "fit.org-type", values: ["distributor"]))
        #expect(followUp.choice("none")?.flag == "no-end-customer")
        #expect(catalog.question("committee.contacts")?.type == .contacts)
        #expect(catalog.question("timeline.evaluation-window")?.choice("exploring")?.flag == "no-timeline")
    }

    @Test func choiceIdsStayText() {
        // YAML 1.1 would read `no` as false and `0123` as 83.
        #expect(catalog.question("fit.current-customer")?.choice("no")?.label == "Not a customer yet")
    }
}
