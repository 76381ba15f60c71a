import DiscoveryCore
import Foundation
import Testing

/// The fast reader of stored answers must agree with `JSONDecoder` on everything the encoder
/// writes, and leave everything else to it.
@Suite struct AnswerJSONReaderTests {
    static func viaDecoder(_ text: String) -> AnswerValue? {
        try? JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8))
    }

    @Test(arguments: 0..<400)
    func readsWhatTheEncoderWritesAsJSONDecoderDoes(seed: Int) throws {
        var g = SeededRandom(seed: UInt64(seed))
        let pieces = ["a", "é", "\"", "\\", "\n", "\t", "\u{1}", "😀", "/", ",", "}", " ", "日本", "\u{7F}", "\u{2028}"]
        func text() -> String { (0..<g.pick(6)).map { _ in pieces[g.pick(pieces.count)] }.joined() }
        let values: [AnswerValue] = [
            .text(text()), .choice(text()), .date(text()), .multi((0..<g.pick(4)).map { _ in text() }),
            .contacts((0..<g.pick(4)).map { _ in text() }), .yesNo(g.pick(2) == 0),
            .number([0, -1, 12.5, 1e21, -3.25e-7, Double(g.pick(1_000_000)) / 7, 123_456_789_012][g.pick(7)]),
        ]
        for value in values {
            let stored = try #require(AnswerCoding.encode(value))
            #expect(try AnswerCoding.decode(stored) == value, "\(stored)")
            #expect(Self.viaDecoder(stored) == value)
        }
    }

    @Test(arguments: [#"{"choice" : { "_0" : "us" } }"#, #"{"text":{"_0":"\u00e9\ud83d\ude00"}}"#, #"{"multi":{"_0":[]}}"#])
    func readsOtherSpellingsOfTheSameJSONAsJSONDecoderDoes(text: String) throws {
        #expect(try AnswerCoding.decode(text) == Self.viaDecoder(text))
    }

    @Test(arguments: [#"{"choice":{"_0":"us"},"x":1}"#, #"{"choice":{"_1":"us"}}"#, #"{"colour":{"_0":"red"}}"#,
                      #"{"text":{"_0":"a\qb"}}"#, #"{"yesNo":{"_0":1}}"#, "[]", #"{"text":{"_0":"\ud83d"}}"#])
    func leavesAnythingElseToJSONDecoder(text: String) {
        let fast = try? AnswerCoding.decode(text)
        #expect(fast == Self.viaDecoder(text), "\(text)")
    }
}

extension SeededRandom {
    /// A number in `0..<n`.
    mutating func pick(_ n: Int) -> Int { Int.random(in: 0..<n, using: &self) }
}
