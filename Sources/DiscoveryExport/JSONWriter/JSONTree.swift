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
    private(set) var keys: [String] = []
    private(set) var values: [JSONTreeValue] = []
    /// Where each key is, once the object is large enough that a linear search costs more.
    private var positions: [String: Int]?
    private static let indexedFrom = 16

    var count: Int { keys.count }

    func value(for key: String) -> JSONTreeValue? {
        position(of: key).map { values[$0] }
    }

    func set(_ value: JSONTreeValue, for key: String) {
        if let i = position(of: key) {
            values[i] = value
            return
        }
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions?[key] = keys.count - 1
        } else if keys.count == Self.indexedFrom {
            positions = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
        }
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }

    /// The member positions in the order JSON writes them: by the keys' UTF-8 bytes (what
    /// `.sortedKeys` does outside Apple's platforms).
    func sortedPositions() -> [Int] {
        keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
    }
}

/// An array's elements; `superEncoder()` may insert one at the place it was asked for.
final class JSONArrayNode {
    private(set) var elements: [JSONTreeValue] = []

    var count: Int { elements.count }

    func append(_ value: JSONTreeValue) { elements.append(value) }

    func insert(_ value: JSONTreeValue, at index: Int) { elements.insert(value, at: min(index, elements.count)) }
}
