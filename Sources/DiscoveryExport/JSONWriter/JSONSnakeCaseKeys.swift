import Foundation
import Synchronization

/// `.convertToSnakeCase` as Foundation's `JSONEncoder` does it, remembered per key: words split
/// where lowercase turns uppercase and before the last capital of a run of capitals followed by
/// lowercase (`myURLProperty` → `my_url_property`, `hubSpotId` → `hub_spot_id`, but `URL` →
/// `u_rl`: the first character never starts a word), each word lowercased, joined by `_`;
/// underscores stay where they are. A key with non-ASCII characters is converted by Foundation
/// itself (its Unicode letter classes are not reproduced here).
enum JSONSnakeCaseKeys {
    private static let converted = Mutex<[String: String]>([:])
    /// Keys of dictionaries with non-`String` keys pass here too: past this many, convert without remembering.
    private static let remembered = 4096

    static func convert(_ key: String) -> String {
        // ASCII without capitals is one word already in lower case: the key itself (most of our
        // keys, and spared the table and the conversion's arrays on a command's first write).
        if key.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) { return key }
        if let known = converted.withLock({ $0[key] }) { return known }
        let result = key.utf8.allSatisfy { $0 < 0x80 } ? convertASCII(key) : JSONFoundationFallback.snakeCase(key)
        converted.withLock { if $0.count < remembered { $0[key] = result } }
        return result
    }

    /// Foundation's algorithm (`KeyEncodingStrategy._convertToSnakeCase`) over ASCII bytes.
    static func convertASCII(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty else { return key }
        func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchFrom = 1
        while let upper = bytes[searchFrom...].firstIndex(where: isUpper) {
            words.append(wordStart..<upper)
            guard let lower = bytes[upper...].firstIndex(where: isLower) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchFrom = lower + 1
        }
        words.append(wordStart..<bytes.count)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + words.count)
        for (n, word) in words.enumerated() {
            if n > 0 { result.append(UInt8(ascii: "_")) }
            for b in bytes[word] { result.append(isUpper(b) ? b + 32 : b) }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
