import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

/// Our JSON writer writes exactly Foundation's bytes (`JSONText.foundationText`, Foundation's
/// `JSONEncoder` with `JSONText`'s settings), pretty and compact, for edge values and shapes.
@Suite struct JSONTextEncoderTests {
    static func expectSame<T: Encodable>(_ value: T, pretty: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(JSONText.encode(value, pretty: pretty) == JSONText.foundationText(value, pretty: pretty), sourceLocation: sourceLocation)
    }

    @Test(arguments: [true, false])
    func strings(pretty: Bool) {
        for s in JSONEdgeValues.strings { Self.expectSame(s, pretty: pretty) }
        Self.expectSame(JSONEdgeValues.strings, pretty: pretty)
        Self.expectSame(Dictionary(JSONEdgeValues.strings.map { ($0, $0) }, uniquingKeysWith: { a, _ in a }), pretty: pretty)
    }

    @Test(arguments: [true, false])
    func numbers(pretty: Bool) {
        for n in JSONEdgeValues.integers { Self.expectSame(n, pretty: pretty) }
        for d in JSONEdgeValues.doubles { Self.expectSame(d, pretty: pretty); Self.expectSame([d], pretty: pretty) }
        for f in JSONEdgeValues.floats { Self.expectSame(f, pretty: pretty) }
        Self.expectSame(JSONEdgeValues.doubles, pretty: pretty)
        Self.expectSame([UInt64.max, 0], pretty: pretty)
        Self.expectSame([Int8.min, Int8.max], pretty: pretty)
    }

    /// NaN and the infinities: Foundation throws, so both give `JSONText`'s `null`.
    @Test func nonFiniteNumbersFailTheDocumentAsInFoundation() throws {
        for d in [Double.nan, .infinity, -.infinity] {
            #expect(JSONText.encode(["x": d]) == "null")
            #expect(JSONText.foundationText(["x": d]) == "null")
        }
        #expect(throws: EncodingError.self) { try JSONTextEncoder(pretty: false).encode(Float.nan) }
    }

    @Test(arguments: [true, false])
    func dates(pretty: Bool) {
        for d in JSONEdgeValues.dates { Self.expectSame(d, pretty: pretty) }
        Self.expectSame(JSONEdgeValues.dates, pretty: pretty)
    }

    @Test(arguments: [true, false])
    func keysConvertToSnakeCaseAsFoundationConvertsThem(pretty: Bool) {
        Self.expectSame(KeysObject(keys: JSONEdgeValues.keys), pretty: pretty)
        for key in JSONEdgeValues.keys { Self.expectSame(KeysObject(keys: [key]), pretty: pretty) }
    }

    /// Keys of `[String: _]` stay as they are (Foundation exempts them from the key strategy);
    /// keys of other dictionaries are converted.
    @Test(arguments: [true, false])
    func dictionaryKeysAreNotConverted(pretty: Bool) {
        let dictionary = Dictionary(JSONEdgeValues.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        Self.expectSame(dictionary, pretty: pretty)
        Self.expectSame(["aB": ["cD": 1]], pretty: pretty)
        Self.expectSame([1: "one", 20: "twenty"], pretty: pretty)
        #expect(JSONText.encode(["mqlAt": 1], pretty: false) == #"{"mqlAt":1}"#)
    }

    @Test(arguments: [true, false])
    func shapes(pretty: Bool) {
        Self.expectSame(Everything(), pretty: pretty)
        Self.expectSame([Everything(), Everything()], pretty: pretty)
        Self.expectSame(MergedObject(), pretty: pretty)
        Self.expectSame(SuperEncoded(), pretty: pretty)
        Self.expectSame(SingleThenKeyed(), pretty: pretty)
        Self.expectSame([[Int]](), pretty: pretty)
        Self.expectSame([String: Int](), pretty: pretty)
        Self.expectSame([Nothing()], pretty: pretty)
        Self.expectSame(["a": Nothing()], pretty: pretty)
        Self.expectSame(Int?.none, pretty: pretty)
        Self.expectSame([Int?.none], pretty: pretty)
        Self.expectSame(Deep(depth: 40), pretty: pretty)
    }

    /// Foundation refuses a top-level value that encodes nothing, and nesting 512 deep.
    @Test func whatFoundationRefusesIsRefused() {
        #expect(JSONText.foundationText(Nothing()) == "null")
        #expect(JSONText.encode(Nothing()) == "null")
        for depth in [510, 511, 512, 513] {
            #expect(JSONText.encode(Deep(depth: depth), pretty: false) == JSONText.foundationText(Deep(depth: depth), pretty: false), "depth \(depth)")
        }
    }

    /// The separators and empty containers as Foundation lays them out, written down once so a
    /// change in both would show.
    @Test func theLayoutIsFoundations() {
        #expect(JSONText.encode(Scores(fitScore: 1, intentScore: 2)) == "{\n  \"fit_score\" : 1,\n  \"intent_score\" : 2\n}")
        #expect(JSONText.encode(Scores(fitScore: 1, intentScore: 2), pretty: false) == #"{"fit_score":1,"intent_score":2}"#)
        #expect(JSONText.encode(["a": [Int]()]) == "{\n  \"a\" : [\n\n  ]\n}")
        #expect(JSONText.encode([String: Int]()) == "{\n\n}")
        #expect(JSONText.encode(["u": "a/b"], pretty: false) == #"{"u":"a/b"}"#)
        #expect(JSONText.encode([1.0, 0.5, -0.0, 1e21], pretty: false) == "[1,0.5,-0,1e+21]")
        #expect(JSONText.encode(Date(timeIntervalSince1970: 1_772_442_000.9), pretty: false) == #""2026-03-02T09:00:00Z""#)
    }
}
