import DiscoveryCore
import Foundation

/// `due --json` written straight as bytes, element by element, into blocks that go to the sink
/// as they fill, from items handed over one at a time in order (`DueItemSource`): neither the
/// items nor the text of the whole list are kept here. Each item is written compact from the
/// `DueItem` (no `DueJSON.Item`, no `Encoder`) and laid out two levels in (`JSONPrettyLayout`); the document around them is Foundation's pretty layout
/// of `DueJSON`'s three keys. The bytes are those of `JSONText.encode(DueJSON(…))` and a newline
/// (`DueJSONTextTests`); with `JSONText.writtenByFoundation` set, Foundation's encoder writes the
/// whole document instead, for the tests.
public enum DueJSONText {
    static let itemKeys = JSONObjectKeys(DueJSON.Item.CodingKeys.allCases, name: \.stringValue)

    public static func write(asOf: Date, owner: String?, items: some DueItemSource, to sink: TextSink) throws(DiscoveryError) {
        if JSONText.writtenByFoundation {
            var all: [DueJSON.Item] = []
            try items.forEachItem { all.append(DueJSON.Item($0)) }
            try sink.write(JSONText.foundationText(DueJSON(asOf: asOf, owner: owner, items: all)) + "\n")
            return
        }
        // `{`, then the keys in byte order: as_of, items, owner.
        var block = ByteBlock(to: sink)
        block.bytes.append(contentsOf: "{\n  \"as_of\" : ".utf8)
        JSONISO8601Date.append(asOf, to: &block.bytes)
        block.bytes.append(contentsOf: ",\n  \"items\" : [".utf8)
        var item = JSONCompactText(capacity: 1024)
        var empty = true
        try items.forEachItem { each throws(DiscoveryError) in
            block.bytes.append(contentsOf: empty ? "\n    ".utf8 : ",\n    ".utf8)
            empty = false
            item.reset()
            writeItem(each, to: &item)
            JSONPrettyLayout.append(item.bytes, depth: 2, to: &block.bytes)
            try block.sendIfFull()
        }
        // An empty array is its bracket, an empty line and the closing bracket.
        block.bytes.append(contentsOf: empty ? "\n\n  ],\n  \"owner\" : ".utf8 : "\n  ],\n  \"owner\" : ".utf8)
        item.reset()
        item.string(owner)
        block.bytes.append(contentsOf: item.bytes)
        block.bytes.append(contentsOf: "\n}\n".utf8)
        try block.send()
    }

    /// The compact object `DueJSON.Item(item)` encodes to, in key order.
    static func writeItem(_ item: DueItem, to json: inout JSONCompactText) {
        json.object(itemKeys) { member, json in
            switch member {
            case .lead:
                // `L` and the id: nothing in it is escaped.
                json.bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "L")])
                JSONScalarText.appendInteger(item.leadId, to: &json.bytes)
                json.bytes.append(UInt8(ascii: "\""))
            case .org: json.string(item.org)
            case .owner: json.string(item.owner)
            case .kind: json.string(item.kind.rawValue)
            case .what: json.string(item.what)
            case .since: json.date(item.since)
            case .due: json.date(item.due)
            case .slaState: json.string(item.state.rawValue)
            case .overdue: json.bool(item.state == .breached)
            }
        }
    }
}
