import Foundation

/// What one value encoded to, before the document is written out: a scalar's finished text
/// (quoted and escaped, a number, `true`, `null`: bytes of the document's scratch buffer), or an
/// object or array still open, so a later container for the same value adds to it (as
/// Foundation's encoder lets a type and its parts write into one object).
enum JSONTreeValue {
    case text(start: Int, end: Int)
    case object(JSONObjectNode)
    case array(JSONArrayNode)
}

/// An object's members in the order they were first set; a key set again keeps its first
/// place and takes the new value (the order does not matter: keys are written sorted).
final class JSONObjectNode {
    private(set) var members: [(key: String, value: JSONTreeValue)] = []

    init(capacity: Int = 8) {
        members.reserveCapacity(capacity)
    }

    var count: Int { members.count }

    func value(for key: String) -> JSONTreeValue? {
        members.first { $0.key == key }?.value
    }

    /// A linear search: our objects have tens of members at most, and a dictionary's hashing
    /// costs more than the comparisons of such short keys.
    func set(_ value: JSONTreeValue, for key: String) {
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = value
        } else {
            members.append((key, value))
        }
    }

    /// A member whose key the object does not hold yet (a dictionary's keys are unique).
    func append(_ value: JSONTreeValue, forNewKey key: String) {
        members.append((key, value))
    }

    /// The member positions in the order JSON writes them: by the keys' UTF-8 bytes (what
    /// `.sortedKeys` does outside Apple's platforms).
    func sortedPositions() -> [Int] {
        members.indices.sorted { JSONObjectNode.precedes(members[$0].key, members[$1].key) }
    }

    /// `a.utf8.lexicographicallyPrecedes(b.utf8)`, comparing the bytes in place when it can.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                if common > 0, let xs = x.baseAddress, let ys = y.baseAddress {
                    let order = memcmp(xs, ys, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return (compared ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// An array's elements; `superEncoder()` may insert one at the place it was asked for.
final class JSONArrayNode {
    private(set) var elements: [JSONTreeValue] = []

    init(capacity: Int = 0) {
        elements.reserveCapacity(capacity)
    }

    var count: Int { elements.count }

    func append(_ value: JSONTreeValue) { elements.append(value) }

    func insert(_ value: JSONTreeValue, at index: Int) { elements.insert(value, at: min(index, elements.count)) }
}
