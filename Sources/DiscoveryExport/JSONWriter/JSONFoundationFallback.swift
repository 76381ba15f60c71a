import Foundation

/// The two corners where our writer asks Foundation instead of reproducing it: a key with
/// non-ASCII characters (Foundation's snake_case uses Unicode letter classes and grapheme
/// boundaries) and a date outside 1600–9999 (Foundation's ISO-8601 switches to the Julian
/// calendar before 1582 and writes years past 9999 unpadded). Neither occurs in our data.
enum JSONFoundationFallback {
    /// The key `.convertToSnakeCase` makes of `key`, read back from Foundation's own output.
    static func snakeCase(_ key: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(OneKey(key: key)),
              let object = try? JSONDecoder().decode([String: Int].self, from: data),
              let converted = object.keys.first else { return key }
        return converted
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// An object with the one member `key: 0`, written through a keyed container so the key
    /// strategy applies to it.
    private struct OneKey: Encodable {
        let key: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: JSONAnyKey.self)
            try c.encode(0, forKey: JSONAnyKey(stringValue: key))
        }
    }
}

/// A coding key of any text.
struct JSONAnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// An array element's place, named as Foundation names it in coding paths.
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
}
