import Foundation

/// The JSON convention of everything we write (`--json`, `export --format json`, the handoff):
/// snake_case keys derived from the Swift names, sorted; ISO-8601 dates; `null` for an absent
/// value (`NullEncoded`), so keys stay stable for tools. Written by our own `JSONTextEncoder`,
/// which writes the very bytes of Foundation's `JSONEncoder` configured as `foundationEncoder`.
public enum JSONText {
    /// The version of the JSON shapes in `docs/handoff-json.md` and of `export --format json`.
    public static let schemaVersion = 1

    /// Encodes `value`: pretty for a document a person may read, compact for one line per record.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        encode(value, with: encoder(pretty: pretty))
    }

    /// The encoder of our convention, to encode many values with one.
    public static func encoder(pretty: Bool = true) -> JSONTextEncoder {
        JSONTextEncoder(pretty: pretty)
    }

    /// Foundation's encoder with the same convention: the reference our writer is tested against.
    public static func foundationEncoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// What Foundation's encoder writes for `value` with the same convention (`"null"` where it
    /// throws): the text `encode` must equal, for the tests.
    public static func foundationText<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        guard let data = try? foundationEncoder(pretty: pretty).encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Set, in tests, to write every document with Foundation's encoder instead of ours, so a
    /// command's whole output can be compared with what Foundation writes for it.
    @TaskLocal public static var writtenByFoundation = false

    static func encode<T: Encodable>(_ value: T, with encoder: JSONTextEncoder) -> String {
        if writtenByFoundation { return foundationText(value, pretty: encoder.pretty) }
        // Our value types hold plain strings, numbers and dates: encoding them cannot fail.
        guard let bytes = try? encoder.encode(value) else { return "null" }
        return String(decoding: bytes, as: UTF8.self)
    }
}
