import Foundation
import Testing
@testable import DiscoveryCore
@testable import DiscoveryExport

/// `due --json` written element by element (`DueJSONText`): the very bytes `due --json` printed
/// through the `Encoder` (`JSONText.encode(DueJSON(…))` and a newline), and Foundation's, for
/// every kind and state, the owner set or not, texts that need escaping or are not ASCII, dates
/// Foundation formats itself, and the empty list; written in blocks, never as one text.
@Suite struct DueJSONTextTests {
    final class Collected: TextSink {
        var writes: [String] = []
        func write(_ text: String) throws(DiscoveryError) { writes.append(text) }
        var text: String { writes.joined() }
    }

    static func utc(_ text: String) -> Date { Dates.parseISO(text) ?? Date(timeIntervalSince1970: 0) }

    static let orgs = ["Mercy Regional", "", "Clínica São José", "Say \"hi\" \\ back/slash", "tab\tline\nfeed\r\u{1}\u{1F}\u{7F}",
                       "👩‍⚕️ Care \u{2028}", "Zürich <b>&amp;</b>"]
    static let whats = ["first call (4 h SLA, demo-request)", "call again (1 business day after no-answer)", "é", ""]
    static let owners: [String?] = ["sam", nil, "Zoë \"Z\" Ng", ""]
    static let dates = [utc("2026-12-01T16:05:30Z"), utc("2025-03-07T22:14:00Z"), Date(timeIntervalSince1970: 1_800_000_000.75),
                        Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: -20_000_000_000)]
    static let leadIds: [Int64] = [47578, 0, 1, Int64.max]

    /// Every kind × state × owner, with the texts, dates and ids taking turns.
    static var items: [DueItem] {
        var items: [DueItem] = []
        var n = 0
        for kind in [DueItem.Kind.firstAttempt, .retry, .nextStep, .requalify] {
            for state in SLAState.allCases {
                for owner in owners {
                    for org in orgs {
                        items.append(DueItem(leadId: leadIds[n % leadIds.count], org: org, owner: owner, kind: kind,
                                             what: whats[n % whats.count], since: dates[(n + 1) % dates.count],
                                             due: dates[n % dates.count], state: state))
                        n += 1
                    }
                }
            }
        }
        return items
    }

    static func written(asOf: Date, owner: String?, items: [DueItem]) throws -> Collected {
        let sink = Collected()
        try DueJSONText.write(asOf: asOf, owner: owner, items: items, to: sink)
        return sink
    }

    static func expectReference(asOf: Date, owner: String?, items: [DueItem],
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try written(asOf: asOf, owner: owner, items: items).text
        let document = DueJSON(asOf: asOf, owner: owner, items: items.map(DueJSON.Item.init))
        #expect(text == JSONText.encode(document) + "\n", sourceLocation: sourceLocation)
        #expect(text == JSONText.foundationText(document) + "\n", sourceLocation: sourceLocation)
    }

    @Test func eachItemAloneIsTheEncodersText() throws {
        let items = Self.items
        #expect(items.count == 4 * SLAState.allCases.count * Self.owners.count * Self.orgs.count)
        for item in items {
            try Self.expectReference(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: item.owner, items: [item])
        }
    }

    @Test(arguments: owners)
    func theWholeListIsTheEncodersText(_ owner: String?) throws {
        try Self.expectReference(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: owner, items: Self.items)
    }

    @Test(arguments: owners)
    func theEmptyListIsTheEncodersText(_ owner: String?) throws {
        try Self.expectReference(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: owner, items: [])
        try Self.expectReference(asOf: Date(timeIntervalSince1970: -20_000_000_000.5), owner: owner, items: [])
    }

    /// A list of many blocks' text is the same text, handed over in blocks of about
    /// `ByteBlock.size` bytes: the text of the whole list is never held.
    @Test func aLongListGoesOutInBlocks() throws {
        let items = Array(repeating: Self.items, count: 12).joined().map { $0 }
        let sink = try Self.written(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: nil, items: items)
        let document = DueJSON(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: nil, items: items.map(DueJSON.Item.init))
        #expect(sink.text == JSONText.encode(document) + "\n")
        #expect(sink.text.utf8.count > 4 * ByteBlock.size)
        #expect(sink.writes.count >= 4)
        for block in sink.writes { #expect(block.utf8.count < ByteBlock.size + 2048) }
    }

    @Test func withFoundationsWriterTheTextIsFoundations() throws {
        let items = Array(Self.items.prefix(9))
        let document = DueJSON(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: "sam", items: items.map(DueJSON.Item.init))
        let text = try JSONText.$writtenByFoundation.withValue(true) {
            try Self.written(asOf: Self.utc("2026-12-01T12:00:00Z"), owner: "sam", items: items).text
        }
        #expect(text == JSONText.foundationText(document) + "\n")
    }

    /// Compact values laid out some levels in are the pretty text of an array holding them there.
    @Test(arguments: [#"{"a":1,"b":[]}"#, "[]", "{}", #"[{"k:":"v,{"},[[]]]"#, #""x""#])
    func aValueLaidOutLevelsInIsAsInsideArrays(_ compact: String) throws {
        var out: [UInt8] = []
        JSONPrettyLayout.append(Array(compact.utf8), depth: 2, to: &out)
        let wrapped = JSONPrettyLayout.pretty(Array("[[\(compact)]]".utf8))
        let inner = String(decoding: wrapped, as: UTF8.self).dropFirst("[\n  [\n    ".count).dropLast("\n  ]\n]".count)
        #expect(String(decoding: out, as: UTF8.self) == String(inner))
    }
}
