import DiscoveryCore
import Foundation
import Testing

/// `@NullEncoded`: an absent value is a `null` key, never a missing one.
@Suite struct NullEncodedTests {
    struct Sample: Codable, Equatable {
        var name: String
        @NullEncoded var rate: Double?
        @NullEncoded var at: Date?
    }

    static func json<T: Encodable>(_ value: T) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
        return try #require(object as? [String: Any])
    }

    @Test func absentValuesAreNullKeysAndPresentOnesKeepTheirEncoding() throws {
        let empty = try Self.json(Sample(name: "a", rate: nil, at: nil))
        #expect(Set(empty.keys) == ["name", "rate", "at"])
        #expect(empty["rate"] is NSNull && empty["at"] is NSNull)
        let full = try Self.json(Sample(name: "a", rate: 0.5, at: Date(timeIntervalSince1970: 0)))
        #expect(full["rate"] as? Double == 0.5)
        #expect(full["at"] as? String == "1970-01-01T00:00:00Z")   // the encoder's date strategy applies
    }

    @Test func decodingAcceptsNullAndMissingKeys() throws {
        let decoder = JSONDecoder()
        let fromNull = try decoder.decode(Sample.self, from: Data(#"{"name":"a","rate":null,"at":null}"#.utf8))
        let fromMissing = try decoder.decode(Sample.self, from: Data(#"{"name":"a"}"#.utf8))
        #expect(fromNull == Sample(name: "a", rate: nil, at: nil) && fromMissing == fromNull)
        #expect(try decoder.decode(Sample.self, from: Data(#"{"name":"a","rate":2}"#.utf8)).rate == 2)
    }

    @Test func reportRowsKeepEveryKey() throws {
        let calls = CallsReport.compute([])
        #expect(try Self.json(calls.total)["connectRate"] is NSNull)
        let pipeline = PipelineReport.compute([])
        let conversion = try #require(pipeline.conversions.first)
        #expect(try Self.json(conversion)["rate"] is NSNull)
        let sla = SLAReport.compute([], highPriority: [], now: Date(timeIntervalSince1970: 0))
        #expect(try Self.json(sla.total)["compliance"] is NSNull)
    }
}
