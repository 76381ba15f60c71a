import Foundation
import SeededRandom

/// Values at the corners of JSON text, for comparing our writer with Foundation's.
enum JSONEdgeValues {
    /// Every control character alone and inside text, the characters JSON escapes, `/`, and
    /// non-ASCII text (emoji with joiners, combining marks, line and paragraph separators).
    static let strings: [String] = {
        var all = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        all += (0..<0x20).map { "a\(String(UnicodeScalar(UInt8($0))))b" }
        all += ["", " ", "\"", "\\", "/", "</script>", "a\"b\\c/d", "\u{7F}", "\r\n", "tab\tand\nnewline",
                "é", "e\u{301}", "👩‍⚕️ doctor", "🇫🇷", "\u{2028}\u{2029}", "日本語テキスト", "nul\u{0}inside",
                "\u{FEFF}bom", "\u{10FFFF}", String(repeating: "long text ", count: 200)]
        return all
    }()

    static let integers: [Int] = [0, 1, -1, 42, -42, 1_000_000, Int.max, Int.min, Int(Int32.max) + 1]

    static let doubles: [Double] = [0, -0.0, 0.1, 0.2, 1, -1, 1.5, 100, 1e15, 1e16, 1e21, 1e22, 1e-7, 1e-6, 2.5e-8,
                                    123456789.123, -123456789.123, 5e-324, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                    .leastNormalMagnitude, 3.141592653589793, 1.0 / 3.0, 9007199254740993]

    static let floats: [Float] = [0, -0.0, 0.1, 1, 1.5, 1e10, 1e-10, .greatestFiniteMagnitude, 16_777_217]

    /// Seconds since 1970: whole and fractional, just before a second turns, before 1970, at
    /// the edges of the range we format ourselves and beyond it (Foundation's formatting).
    static let dates: [Date] = {
        var seconds: [Double] = [0, 0.4, 0.5, 0.9999999, -0.5, -1, -0.000_000_1, 1_772_442_000, 1_772_442_000.999_999,
                                 951_782_400, 951_868_799.75, 4_107_542_400, -2_208_988_800, -11_676_096_000,
                                 -11_676_096_001, 253_402_300_799, 253_402_300_799.9, 253_402_300_800, -62_135_596_800, 1e12]
        var generator = SeededRandom(seed: 20_261_201)
        for _ in 0..<400 {
            seconds.append(Double(Int64.random(in: -11_000_000_000...253_000_000_000, using: &generator))
                           + Double.random(in: 0..<1, using: &generator))
        }
        return seconds.map(Date.init(timeIntervalSince1970:))
    }()

    /// Coding keys in every shape Swift names take, plus some they do not.
    static let keys: [String] = {
        var keys = ["a", "A", "ab", "aB", "AB", "mqlAt", "hubSpotId", "hubspotLifecyclestage", "URL", "url", "myURL", "myURLProperty",
                    "URLProperty", "aURLb", "ABCDef", "aBCDef", "a1B2", "version2Value", "_leading", "trailing_", "__both__",
                    "_Upper", "already_snake", "snake_Case", "ask_next", "x_", "_", "__", "ALLCAPS", "iOS", "HTTPSProxyURL",
                    "a b", "a-b", "a.b", "1a", "", "\"quoted\"", "back\\slash", "naïveKey", "ÜberKey", "straßeName", "ǅemo",
                    "keyÉtéX", "日本Key"]
        var generator = SeededRandom(seed: 7)
        let parts = ["a", "b", "B", "C", "Id", "URL", "_", "1", "x", "Ab"]
        for _ in 0..<300 {
            let count = Int.random(in: 1...6, using: &generator)
            keys.append((0..<count).map { _ in parts.randomElement(using: &generator)! }.joined())
        }
        return keys
    }()
}
