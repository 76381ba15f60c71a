import Foundation
import Testing
@testable import DiscoveryExport

/// `JSONSnakeCaseKeys.convert` is Foundation's `.convertToSnakeCase`, for keys already in lower
/// case (returned as they are, without the conversion) and for keys it changes.
@Suite struct JSONSnakeCaseKeysTests {
    /// One member under `key`, so Foundation's key strategy applies to it.
    struct OneMember: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        let key: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: Key(stringValue: key))
        }
    }

    @Test(arguments: ["lead", "ask_next", "a1b2", "_x_", "", "x-y.z", "a\"b", "myURLProperty", "URL", "hubSpotId",
                      "aB", "Ab", "_Leading", "zürich", "Zürich", "model_version"])
    func convertsAsFoundationDoes(_ key: String) {
        var quoted: [UInt8] = []
        JSONScalarText.appendString(JSONSnakeCaseKeys.convert(key), to: &quoted)
        #expect("{\(String(decoding: quoted, as: UTF8.self)):1}" == JSONText.foundationText(OneMember(key: key), pretty: false))
    }
}
