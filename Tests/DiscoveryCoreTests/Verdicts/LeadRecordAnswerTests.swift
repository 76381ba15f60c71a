import DiscoveryCore
import Foundation
import Testing

/// `from-lead`: lead fields answer questions until the rep does, and the trace says so.
@Suite struct LeadRecordAnswerTests {
    static let specialty: Question = {
        var q = Fixture.q("fit", "specialty", .choice, [
            Choice(id: "ortho", label: "Orthopedics", score: ScoreDelta(fit: 20), gate: "eligibility"),
            Choice(id: "cardio", label: "Cardiology", score: ScoreDelta(fit: 15), gate: "eligibility"),
        ])
        q.fromLead = LeadFieldSource(field: "specialty", map: ["cardiovascular": "cardio", "cardiology": "cardio", "us": "ortho"])
        return q
    }()

    static let size: Question = {
        var q = Fixture.q("fit", "size", .choice, [Choice(id: "large", label: "Large"), Choice(id: "medium", label: "Medium"),
                                                   Choice(id: "small", label: "Small")])
        q.fromLead = LeadFieldSource(field: "beds", atLeast: ["large": 300, "medium": 100, "small": 0])
        return q
    }()

    func lead(specialty: String? = nil, region: String? = nil, beds: Int? = nil) -> Lead {
        Lead(id: 1, org: "Heartland", specialty: specialty, region: region, beds: beds, profile: "capital-equipment",
             createdAt: Fixture.now)
    }

    @Test(arguments: [
        ("cardiovascular", AnswerValue?.some(.choice("cardio"))),
        ("Cardiology", .choice("cardio")),
        ("  CARDIOLOGY ", .choice("cardio")),
        ("US-MN", .choice("ortho")),          // the part before the dash is looked up too
        ("dermatology", nil),
        ("", nil),
    ])
    func aMapTurnsTheFieldIntoAChoice(value: String, expected: AnswerValue?) {
        #expect(Self.specialty.fromLead?.answer(for: Self.specialty, lead: lead(specialty: value)) == expected)
    }

    @Test(arguments: [(1800, "large"), (300, "large"), (299, "medium"), (100, "medium"), (12, "small")])
    func bedsPickTheChoiceWithTheHighestMinimumReached(beds: Int, choice: String) {
        #expect(Self.size.fromLead?.answer(for: Self.size, lead: lead(beds: beds)) == .choice(choice))
    }

    @Test func derivedAnswersCountAreTracedAndGiveWayToARecordedAnswer() throws {
        var catalog = Fixture.catalog
        catalog.sets[0].questions[0] = Self.specialty
        var record = Fixture.record()
        record.lead.specialty = "Cardiology"
        let v = VerdictEngine.evaluate(record, catalog: catalog, profile: Fixture.capital, now: Fixture.now)
        #expect(v.scores.fit == 15)
        let line = try #require(v.trace.first { $0.source.question == "fit.specialty" })
        #expect(line.source.description == "fit.specialty \"fit specialty?\" = cardio (Cardiology), from the lead record (specialty Cardiology)")
        #expect(!v.askNext.contains { $0.question == "fit.specialty" })
        // The rep's answer wins over the record.
        record.answers["fit.specialty"] = .choice("ortho")
        let revised = VerdictEngine.evaluate(record, catalog: catalog, profile: Fixture.capital, now: Fixture.now)
        #expect(revised.scores.fit == 20)
        #expect(revised.trace.first { $0.source.question == "fit.specialty" }?.source.description.contains("lead record") == false)
    }
}
