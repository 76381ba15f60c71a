import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

/// `report scores` on leads scored by the verdict engine with a small in-code catalog.
@Suite struct ScoresReportTests {
    static let catalog: Catalog = {
        let facility = Question(id: "facility", setId: "fit", ask: "Which kind of facility?", type: .choice, choices: [
            Choice(id: "target", label: "Target facility", score: ScoreDelta(fit: 40)),
            Choice(id: "adjacent", label: "Adjacent", score: ScoreDelta(fit: 20)),
            Choice(id: "outside", label: "Outside the market", score: ScoreDelta(fit: -10)),
        ])
        let profiles = ["capital-equipment", "consumables"].map {
            Profile(id: $0, title: $0, sets: ["fit"], mql: .init(minTotal: 500, minFit: 500),
                    sql: .init(gates: ["next-step"], minFit: 30), bands: [.intent: Band(mid: 20, high: 50)])
        }
        return Catalog(sets: [QuestionSet(id: "fit", title: "Fit", questions: [facility])], profiles: profiles,
                       signals: [SignalDefinition(id: "demo-request", label: "Demo", score: ScoreDelta(intent: 50), priority: .high),
                                 SignalDefinition(id: "webinar-attended", label: "Webinar", score: ScoreDelta(intent: 15))])
    }()

    func fixture() throws -> CallShell {
        let t = try CallShell(catalog: Self.catalog)
        for line in ["'Mercy Regional'", "'St. Luke'", "'Valley Clinic'", "'Harbor IDN' --profile consumables",
                     "'Bay Supplies' --profile consumables", "'Old Profile Co'"] {
            t.run("lead new \(line)")
        }
        try t.answer(1, "fit.facility", .choice("target"), at: "2026-03-01T10:00:00Z")
        try t.signal(1, "demo-request", at: "2026-03-01T10:00:00Z")
        try t.answer(2, "fit.facility", .choice("adjacent"), at: "2026-03-01T10:00:00Z")
        try t.answer(4, "fit.facility", .choice("target"), at: "2026-03-01T10:00:00Z")
        try t.signal(4, "webinar-attended", at: "2026-03-01T10:00:00Z")
        try t.answer(5, "fit.facility", .choice("outside"), at: "2026-03-01T10:00:00Z")
        try t.store.updateLead(id: 6, field: .profile, value: "retired-profile", actor: "sam", at: TestShell.now)
        return t
    }

    @Test func distributionsPerProfile() throws {
        let t = try fixture()
        let r = t.output("report scores")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        Golden.check(r.out, "report-scores.txt")
        let json = try JSONSerialization.jsonObject(with: Data(t.output("report scores --json").out.utf8)) as? [String: Any]
        let scores = try #require(json?["scores"] as? [String: Any])
        #expect(scores["unscored"] as? Int == 1)
        let profiles = try #require(scores["profiles"] as? [[String: Any]])
        #expect(profiles.map { $0["profile"] as? String } == ["capital-equipment", "consumables"])
        #expect(profiles.map { $0["leads"] as? Int } == [3, 2])
        let fit = try #require((profiles[0]["scores"] as? [[String: Any]])?.first)
        #expect(fit["score"] as? String == "fit")
        #expect(fit["min"] as? Int == 0 && fit["median"] as? Int == 20 && fit["max"] as? Int == 40)
        let consumablesFit = try #require((profiles[1]["scores"] as? [[String: Any]])?.first)
        let buckets = try #require(consumablesFit["buckets"] as? [[String: Any]])
        #expect(buckets.first?["range"] as? String == "<0" && buckets.first?["leads"] as? Int == 1)
    }
}
