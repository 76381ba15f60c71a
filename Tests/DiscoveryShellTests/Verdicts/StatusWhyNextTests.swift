import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing
@testable import DiscoveryShell

@Suite struct StatusWhyNextTests {
    @Test func statusJSONHasExactlyTheSpecKeys() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        try t.signal(1, "webinar-attended")
        let r = t.output("status --json")
        #expect(r.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        // SPEC §8's keys, `requalify` (SPEC §11: the re-qualification trigger and when, or null), and
        // `model_version` (SPEC §10: the model the verdict was computed with).
        #expect(Set(json.keys) == ["lead", "stage", "profile", "verdict", "mql", "scores", "bands", "gates",
                                   "missing_gates", "hard_stops", "flags", "ask_next", "requalify", "model_version"])
        #expect(json["model_version"] as? String == "local")
        #expect(json["requalify"] is NSNull)
        #expect(json["lead"] as? String == "L1")
        #expect(json["verdict"] as? String == "not-yet")
        #expect(json["scores"] as? [String: Int] == ["fit": 30, "intent": 15, "readiness": 20])
        // Every score has a band key; the test profile gives fit and readiness no thresholds.
        let bands = try #require(json["bands"] as? [String: Any])
        #expect(Set(bands.keys) == ["fit", "intent", "readiness"])
        #expect(bands["intent"] as? String == "low")
        #expect(bands["fit"] is NSNull && bands["readiness"] is NSNull)
        #expect(json["gates"] as? [String: Bool] == ["need": true, "timeline": true, "eligibility": true, "next-step": false])
        #expect(json["missing_gates"] as? [String] == ["next-step"])
        #expect(json["hard_stops"] as? [String] == [])
        #expect(json["ask_next"] as? [String] == [])
        #expect(json["mql"] as? Bool == false)
    }

    @Test func statusJSONGivesTheBandOfEachScoreTheTextShows() throws {
        var catalog = VerdictCatalog.catalog
        catalog.profiles[0].bands = [.fit: Band(mid: 25, high: 45), .intent: Band(mid: 20, high: 50),
                                     .readiness: Band(mid: 15, high: 60)]
        let t = try TestShell(catalog: catalog)
        try t.qualifiedLead()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(t.output("status --json").out.utf8)) as? [String: Any])
        #expect(json["bands"] as? [String: String] == ["fit": "mid", "intent": "low", "readiness": "mid"])
        let text = t.output("status").out
        #expect(text.contains("30 (mid)") && text.contains("20 (mid)"), "\(text)")
    }

    @Test func nextOnAClosedLeadRecommendsNothingAndSaysHowToReopenIt() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new 'Mercy Regional' --consent yes")
        #expect(t.output("stage L1 disqualified --reason no-budget").code == 0)
        let r = t.output("next L1")
        #expect(r.code == 0)
        #expect(r.out.contains("  nothing to do: L1 is disqualified (no-budget); 'stage L1 nurture' (or another stage) works it again\n"))
        #expect(!r.out.contains("schedule-follow-up") && !r.out.contains("request-consent"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(t.output("next L1 --json").out.utf8)) as? [String: Any])
        #expect((json["recommendations"] as? [Any])?.isEmpty == true)
    }

    @Test func statusShowsScoresGatesAndVerdict() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new 'Mercy Regional' --consent yes")
        try t.answer(1, "fit.specialty", .choice("dental"))
        let r = t.output("status")
        #expect(r.code == 0)
        #expect(r.out.contains("  verdict    disqualify (wrong-specialty)\n"))
        #expect(r.out.contains("  intent     0 (low)\n"))
        #expect(r.out.contains("  hard stops wrong-specialty (fit.specialty \"fit specialty?\" = dental (Dental))\n"))
        #expect(r.out.contains("    [ ] need: need.problem \"need problem?\" is unanswered\n"))
        // Each can close a gate; the window moves more points (15) than the organisation type (10).
        #expect(r.out.contains("  ask next   timeline.evaluation-window, fit.org-type, need.problem\n"))
    }

    @Test func whySumsEqualTheScores() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        try t.signal(1, "demo-request")
        try t.signal(1, "webinar-attended")
        let why = t.output("why")
        #expect(why.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(t.output("status --json").out.utf8)) as? [String: Any])
        let scores = try #require(json["scores"] as? [String: Int])
        var current: String?
        var sums: [String: Int] = [:]
        var headers: [String: Int] = [:]
        for line in why.out.split(separator: "\n").map(String.init) {
            if let kind = ["fit", "intent", "readiness"].first(where: { line.hasPrefix("\($0) = ") }) {
                current = kind
                headers[kind] = Int(line.dropFirst(kind.count + 3).split(separator: " ")[0])
                sums[kind] = 0
            } else if line.hasPrefix("  +") || line.hasPrefix("  -"), let k = current {
                sums[k, default: 0] += Int(line.dropFirst(2).split(separator: " ")[0]) ?? 9999
            } else if !line.hasPrefix("  ") {
                current = nil
            }
        }
        #expect(sums == scores)
        #expect(headers == scores)
        #expect(why.out.contains("  +50  signal demo-request (Requested a demo) on 2026-03-02\n"))
        #expect(why.out.contains("  [x] timeline: timeline.evaluation-window \"timeline evaluation-window?\" = this-quarter (This quarter)\n"))
    }

    @Test func nextRecommendsWithReasonsOwnerAndDue() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead()
        try t.signal(1, "demo-request")
        let r = t.output("next --json")
        #expect(r.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["recommendations", "ask_next"])
        let recs = try #require(json["recommendations"] as? [[String: Any]])
        #expect(recs.map { $0["action"] as? String } == ["demo", "procurement-intro"])
        #expect(recs[0]["owner"] as? String == "rep")
        #expect(recs[0]["due"] as? String == "2026-03-04")
        t.run("contact add 'Pat Buyer' --role procurement")
        let text = t.output("next")
        #expect(text.out.contains("  1. demo, owner rep, due 2026-03-04\n"))
        #expect(text.out.contains("     because: intent 50 is high\n"))
    }

    @Test func consentNoRecommendsNoOutreach() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        try t.qualifiedLead(consent: "no")
        try t.signal(1, "demo-request")
        let r = t.output("next")
        #expect(r.out.contains("  1. disqualify (reason no-consent), owner rep, due 2026-03-04\n"))
        #expect(!r.out.contains("  2. "))
    }

    @Test func aProfileMissingFromTheQuestionSetsIsNamed() throws {
        let t = try TestShell(catalog: VerdictCatalog.catalog)
        t.run("lead new Acme")
        #expect(t.output("status").code == 0)
        try t.store.updateLead(id: 1, field: .profile, value: "gone", actor: "x", at: TestShell.now)
        let gone = t.output("status")
        #expect(gone.code == 1)
        #expect(gone.err.contains("L1's profile 'gone' is not in the question sets (profiles: capital-equipment, consumables)"))
    }
}
