import DiscoveryCore
import Testing
@testable import QuestionSets

/// `CatalogArchive`: every field of a catalog comes back as it was stored, and a damaged copy
/// throws instead of trapping or giving another catalog.
@Suite struct CatalogArchiveTests {
    /// A catalog using every case the archive writes: each condition and routing kind, optional
    /// fields present and absent, a `from-lead` map and `at-least`, bands, a capacity.
    static let everything: Catalog = {
        var consentQuestion = Question(
            id: "beds", setId: "fit", ask: "How many beds?", why: "Sizing", type: .choice,
            choices: [Choice(id: "small", label: "Under 100", score: ScoreDelta(fit: -2), gate: "size", flag: "tiny", stop: .notQualifiedFacility),
                      Choice(id: "large", label: "100 or more", score: ScoreDelta(fit: 3, intent: 1, readiness: -1))],
            score: ScoreDelta(readiness: 2), gate: "fit-gate", flag: "f", stop: .noBudget,
            when: .all([.answerIn(question: "fit.type", values: ["hospital", "clinic"]), .not(.answered(question: "fit.other", false)),
                        .any([.answered(question: "fit.x", true), .not(.not(.answerIn(question: "fit.y", values: [])))])]),
            line: 42)
        consentQuestion.thenAskConsent = true
        consentQuestion.fromLead = LeadFieldSource(field: "beds", map: ["a": "small", "b-c": "large"], atLeast: ["small": 0, "large": 100])
        let plain = Question(id: "notes", setId: "fit", ask: "Anything else? ✓ naïve", type: .text)
        let sets = [QuestionSet(id: "fit", title: "Fit", questions: [consentQuestion, plain], file: "fit.yaml"),
                    QuestionSet(id: "empty", title: "", questions: [])]
        let profiles = [Profile(id: "default", title: "Default", sets: ["fit", "empty"], mql: .init(minTotal: 10, minFit: -3),
                                sql: .init(gates: ["fit-gate", "next-step"], minFit: 4),
                                bands: [.fit: Band(mid: 2, high: 5), .readiness: Band(mid: -1, high: Int.max)], file: "profiles/default.yaml"),
                        Profile(id: "bare", title: "Bare", sets: [], mql: .init(minTotal: 0, minFit: 0), sql: .init(gates: [], minFit: Int.min))]
        let signals = [SignalDefinition(id: "demo", label: "Demo request", score: ScoreDelta(intent: 5), priority: .high, requalify: true),
                       SignalDefinition(id: "visit", label: "Visit")]
        let routing = RoutingConfig(rules: [
            RoutingRule(name: "big", when: [.field(.region, ["us", "ca"]), .beds(min: 100, max: nil), .beds(min: nil, max: 5),
                                            .answers(.answered(question: "fit.beds", true))], target: .pool(["ana", "ben"])),
            RoutingRule(name: "rest", target: .owner("cy")),
        ], capacityPerOwnerPerMonth: 30)
        return Catalog(sets: sets, profiles: profiles, signals: signals, routing: routing)
    }()

    @Test(arguments: [CatalogArchiveTests.everything, Catalog.empty])
    func aCatalogRoundTrips(_ catalog: Catalog) throws {
        let decoded = try CatalogArchive.decode(CatalogArchive.encode(catalog))
        #expect(decoded == catalog)
        // The fields `Question ==` reads through its box, checked one by one for the rich question.
        for (a, b) in zip(decoded.sets.flatMap(\.questions), catalog.sets.flatMap(\.questions)) {
            #expect(a.thenAskConsent == b.thenAskConsent)
            #expect(a.fromLead == b.fromLead)
            #expect(a.when == b.when)
            #expect(a.line == b.line)
        }
    }

    @Test func theBundledSetsRoundTrip() throws {
        let bundled = try CatalogLoader.load(directory: LintFixture.bundledFolder)
        #expect(try CatalogArchive.decode(CatalogArchive.encode(bundled)) == bundled)
    }

    @Test func everyTruncationThrows() {
        let bytes = CatalogArchive.encode(Self.everything)
        for length in 0..<bytes.count {
            #expect(throws: ArchiveDamaged.self) { try CatalogArchive.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: ArchiveDamaged.self) { try CatalogArchive.decode(bytes + [0]) }
    }

    @Test func everyAlteredByteThrowsOrGivesAnotherCatalogWithoutTrapping() {
        // The cache's checksum refuses altered copies; the decoder itself must still never trap.
        let bytes = CatalogArchive.encode(Self.everything)
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x05, 0x7F, 0x80, 0xFF] where value != bytes[index] {
                var altered = bytes
                altered[index] = value
                if let decoded = try? CatalogArchive.decode(altered) { #expect(decoded != Self.everything) }
            }
        }
    }

    @Test func conditionsNestedTooDeepAreRefused() {
        var deep = Condition.answered(question: "fit.x", true)
        for _ in 0..<CatalogArchive.maxConditionDepth { deep = .not(deep) }
        var w = ArchiveWriter()
        CatalogArchive.write(deep, to: &w)
        var r = ArchiveReader(w.bytes)
        #expect(throws: ArchiveDamaged.self) { try CatalogArchive.readCondition(&r, depth: 0) }
    }

    @Test(arguments: [0, 1, -1, 63, -64, 64, 300, -300, Int.max, Int.min])
    func wholeNumbersRoundTrip(_ value: Int) throws {
        var w = ArchiveWriter()
        w.int(value)
        var r = ArchiveReader(w.bytes)
        #expect(try r.int() == value)
        #expect(r.isAtEnd)
    }
}
