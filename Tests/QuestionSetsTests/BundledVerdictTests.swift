import DiscoveryCore
import Foundation
import Testing
@testable import QuestionSets

/// The bundled content run through the real verdict engine: the thresholds are reachable, and the
/// agreed flags and stops lead where they should.
@Suite struct BundledVerdictTests {
    static let catalog = CatalogLoader.lint(directory: LintFixture.bundledFolder).catalog
    static let now = Date(timeIntervalSince1970: 1_772_442_000)

    /// A capital-equipment lead a rep would call well qualified, with no marketing signals at all.
    static let qualifiedCapital: [String: AnswerValue] = [
        "fit.org-type": .choice("hospital"), "fit.specialty": .choice("orthopedics"),
        "fit.procedures": .text("Total knee and hip replacement, adults over 60"),
        "fit.annual-volume": .choice("100-to-500"), "fit.region": .choice("us"),
        "fit.facility-size": .choice("medium"), "fit.current-customer": .choice("no"),
        "fit.competitor": .choice("open"),
        "need.problem": .text("OR time per knee case is too long"), "need.impact": .multi(["throughput"]),
        "need.priority": .choice("important"), "need.trigger": .choice("strategy"),
        "committee.contacts": .contacts(["Dr. Ruiz"]), "committee.decision-path": .choice("approver-named"),
        "evidence.evidence-status": .choice("provided"), "evidence.technical-review": .choice("approved"),
        "timeline.evaluation-window": .choice("next-two-quarters"), "timeline.target-date": .date("2026-06-30"),
        "timeline.budget": .choice("requested"),
    ]

    static func verdict(_ answers: [String: AnswerValue], profile: String = "capital-equipment",
                        nextStep: Bool = true) throws -> Verdict {
        let profile = try #require(catalog.profile(profile))
        let lead = Lead(id: 1, org: "Mercy Regional", profile: profile.id, createdAt: now)
        let step = nextStep ? NextStep(leadId: 1, action: .demo, owner: "rep", due: now.addingTimeInterval(86_400), setAt: now, actor: "rep") : nil
        return VerdictEngine.evaluate(QualificationRecord(lead: lead, answers: answers, nextStep: step),
                                      catalog: catalog, profile: profile, now: now)
    }

    @Test func aWellQualifiedCapitalLeadReachesMQLAndSQL() throws {
        let v = try Self.verdict(Self.qualifiedCapital)
        #expect(v.mql, "\(v.mqlReason)")
        #expect(v.scores.fit >= 30)
        #expect(v.missingGates == [])
        #expect(v.kind == .sqlReady)
    }

    @Test func withoutANextStepTheOnlyMissingGateIsNextStep() throws {
        let v = try Self.verdict(Self.qualifiedCapital, nextStep: false)
        #expect(v.missingGates == ["next-step"])
        #expect(v.kind == .notYet)
    }

    @Test func healthtechAlsoNeedsTheSecurityReview() throws {
        var answers = Self.qualifiedCapital
        answers["compliance.patient-data"] = .yesNo(true)
        answers["compliance.security-review"] = .choice("passed")
        #expect(try Self.verdict(answers, profile: "healthtech").missingGates == ["security-review"])
        answers["compliance.baa"] = .choice("signed")
        #expect(try Self.verdict(answers, profile: "healthtech").kind == .sqlReady)
    }

    @Test func exploringWithGoodFitIsNurture() throws {
        var answers = Self.qualifiedCapital
        answers["timeline.evaluation-window"] = .choice("exploring")
        answers["timeline.target-date"] = nil
        let v = try Self.verdict(answers)
        #expect(v.flagNames == ["no-timeline"])
        #expect(v.kind == .nurture)
    }

    @Test(arguments: [
        ("fit.org-type", "non-provider", ReasonCode.wrongOrgType), ("fit.specialty", "outside-scope", .wrongSpecialty),
        ("fit.region", "outside", .wrongGeography), ("fit.facility-size", "not-qualified", .notQualifiedFacility),
        ("fit.current-customer", "this-line", .alreadyCustomer), ("fit.competitor", "locked", .competitorLocked),
        ("timeline.budget", "none", .noBudget), ("committee.decision-path", "no-path", .noPathToCommittee),
        ("evidence.evidence-status", "unavailable", .missingEvidence),
    ])
    func disqualifyingChoicesAreHardStops(question: String, choice: String, reason: ReasonCode) throws {
        var answers = Self.qualifiedCapital
        answers[question] = .choice(choice)
        let v = try Self.verdict(answers)
        #expect(v.kind == .disqualify)
        #expect(v.hardStopReasons == [reason])
    }

    @Test func aDistributorWithoutNamedEndCustomersIsFlagged() throws {
        var answers = Self.qualifiedCapital
        answers["fit.org-type"] = .choice("distributor")
        answers["fit.end-customers"] = .choice("none")
        #expect(try Self.verdict(answers).flagNames == ["no-end-customer"])
    }

    @Test func openEvidenceAndTechnicalReviewAreFlagged() throws {
        var answers = Self.qualifiedCapital
        answers["evidence.evidence-status"] = .choice("requested")
        answers["evidence.technical-review"] = .choice("not-started")
        let v = try Self.verdict(answers)
        #expect(Set(v.flagNames) == ["evidence-open", "technical-open"])
        #expect(v.missingGates == ["evidence"])
    }

    @Test func consumablesReachMQLWithLessFit() throws {
        let answers: [String: AnswerValue] = [
            "fit.org-type": .choice("asc"), "fit.specialty": .choice("urology-gynecology"), "fit.region": .choice("us"),
            "need.problem": .text("Reprocessing cost per case"), "need.priority": .choice("important"),
            "need.trigger": .choice("quality-event"),
        ]
        #expect(try Self.verdict(answers, profile: "consumables").mql)
        #expect(try !Self.verdict(answers, profile: "capital-equipment").mql)
    }
}
