import Foundation
import Testing
@testable import DiscoveryCore
@testable import DiscoveryExport

/// `status --json` written straight as bytes (`StatusJSON.text`): the very bytes Foundation's
/// pretty `JSONEncoder` writes for its `Encodable` form, over verdicts of every shape, with and
/// without a re-qualification mark; and the pretty layout of compact JSON
/// (`JSONPrettyLayout`) equal to Foundation's pretty printing of the same values.
@Suite struct StatusJSONWritableTests {
    static let requalify = StatusJSON.Requalify(trigger: "answer \"changed\"", at: Date(timeIntervalSince1970: 1_800_000_000.25),
                                               due: Date(timeIntervalSince1970: 1_800_604_800))

    static var documents: [StatusJSON] {
        JSONWritableMatchesEncodableTests.verdicts.enumerated().map { n, verdict in
            StatusJSON(lead: "L\(n + 1)", stage: n % 2 == 0 ? "sal" : "new", profile: n % 3 == 0 ? "" : "healthtech",
                       verdict: VerdictJSON(verdict), askNext: n % 2 == 0 ? [] : ["fit.q", "a\\b", "zürich \u{1}"],
                       modelVersion: "local 8953ca647a02f756", requalify: n % 3 == 1 ? requalify : nil)
        }
    }

    @Test func theTextIsWhatFoundationWrites() {
        let documents = Self.documents
        #expect(documents.count > 4)
        for document in documents {
            #expect(document.text == JSONText.foundationText(document))
            #expect(document.text == JSONText.encode(document))
        }
    }

    @Test func withFoundationsWriterTheTextIsFoundations() throws {
        let document = try #require(Self.documents.first)
        #expect(JSONText.$writtenByFoundation.withValue(true) { document.text } == JSONText.foundationText(document))
    }

    struct Nested: Encodable {
        let name: String
        let empty: [String]
        let emptyObject: [String: Int]
        let inner: [[String: [Int]]]
        let flag: Bool?
    }

    /// Strings holding every character the layout treats apart (quotes, backslashes, colons,
    /// commas, brackets), empty containers at every depth, and top-level arrays and scalars.
    @Test(arguments: [
        #"{"a":1}"#, "", "[]", "{}", "[[],{},[[]]]", #""x:,{}[]""#,
    ])
    func compactValuesLayOutAsFoundationPrints(_ seed: String) throws {
        let values: [any Encodable] = [
            Nested(name: seed, empty: [], emptyObject: [:], inner: [["k\"{": [1, -2]], [:], ["": []]], flag: nil),
            [seed, "\\", "\\\"", "a\\\\\"b:c,d"],
            ["k:\(seed)": [seed: [Int]()]],
            [[String]](),
            seed,
        ]
        for value in values {
            let compact = JSONText.foundationText(value, pretty: false)
            let pretty = JSONText.foundationText(value, pretty: true)
            #expect(String(decoding: JSONPrettyLayout.pretty(Array(compact.utf8)), as: UTF8.self) == pretty, "\(compact)")
        }
    }
}
