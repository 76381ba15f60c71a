import Foundation

/// One document being encoded: the scratch bytes every scalar's text goes to, the encoders lent
/// to nested values (reused, as Foundation reuses its sub-encoder), and the first misuse of the
/// `Encoder` API met (Foundation traps on those; we fail the document instead).
final class JSONDocument {
    var scratch: [UInt8] = []
    private(set) var failure: EncodingError?
    private var spare: [JSONValueEncoder] = []

    init() {
        scratch.reserveCapacity(512)
    }

    func fail(_ description: String, at path: [CodingKey]) {
        if failure == nil {
            failure = .invalidValue(description, .init(codingPath: path, debugDescription: description))
        }
    }

    /// Drops the lent encoders (each holds the document).
    func finish() { spare.removeAll() }

    /// The text `write` appends, as a value.
    @inline(__always)
    func text(_ write: (inout [UInt8]) throws -> Void) rethrows -> JSONTreeValue {
        let start = scratch.count
        try write(&scratch)
        return .text(start: start, end: scratch.count)
    }

    func null() -> JSONTreeValue { text { $0.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) } }   // null

    func bool(_ value: Bool) -> JSONTreeValue {
        text { $0.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8)) }
    }

    func string(_ value: String) -> JSONTreeValue { text { JSONScalarText.appendString(value, to: &$0) } }

    func integer<I: FixedWidthInteger>(_ value: I) -> JSONTreeValue { text { JSONScalarText.appendInteger(value, to: &$0) } }

    func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, at path: @autoclosure () -> [CodingKey]) throws -> JSONTreeValue {
        guard let text = JSONScalarText.floatingPointText(value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: path(), debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        return self.text { $0.append(contentsOf: text.utf8) }
    }

    /// What `value` encodes to as a member or element of `parent`'s value (`step` names where);
    /// `nil` when it encoded nothing.
    func tree<T: Encodable>(of value: T, in parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) throws -> JSONTreeValue? {
        if let special = try special(value, in: parent, path: path, step: step) { return special }
        var encoder = lend(parent: parent, path: path, step: step)
        defer { takeBack(&encoder) }
        try value.encode(to: encoder)
        return encoder.takeValue()
    }

    /// The value of the types written without their own `encode(to:)`: the scalars (faster so),
    /// and those Foundation's `JSONEncoder` treats apart, the same way: `Date` (ISO 8601), `URL`
    /// (its absolute string), `Decimal` (its description), `Data` (Base64) and `[String: _]`
    /// (keys kept as they are). `nil` for any other type.
    func special<T: Encodable>(_ value: T, in parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) throws -> JSONTreeValue? {
        if let s = exactly(value, String.self) { return string(s) }
        if let n = exactly(value, Int.self) { return integer(n) }
        if let b = exactly(value, Bool.self) { return bool(b) }
        if let d = exactly(value, Date.self) { return text { JSONISO8601Date.append(d, to: &$0) } }
        if let d = exactly(value, Double.self) { return try number(d, at: Self.path(parent, path, step)) }
        if let n = exactly(value, Int64.self) { return integer(n) }
        if let url = exactly(value, URL.self) { return string(url.absoluteString) }
        if let decimal = exactly(value, Decimal.self) { return text { $0.append(contentsOf: decimal.description.utf8) } }
        if let data = exactly(value, Data.self) { return string(data.base64EncodedString()) }
        if let scalar = try optionalOrArray(value, in: parent, path: path, step: step) { return scalar }
        if let dictionary = value as? any JSONStringKeyedDictionary {
            return .object(try dictionary.jsonObject(in: self, parent: parent, path: path, step: step))
        }
        return nil
    }

    /// The same, a value that encoded nothing being an empty object (as in Foundation).
    func member<T: Encodable>(_ value: T, in parent: JSONValueEncoder, path: [CodingKey], step: JSONPathStep) throws -> JSONTreeValue {
        try tree(of: value, in: parent, path: path, step: step) ?? .object(JSONObjectNode())
    }

    /// What the most common containers of scalars encode to, without an encoder each:
    /// optional scalars (`null` or the scalar, as `Optional.encode(to:)` writes them), `[String]`
    /// and `[String: scalar]`. `nil` for any other type.
    private func optionalOrArray<T: Encodable>(_ value: T, in parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) throws -> JSONTreeValue? {
        if let s = exactly(value, String?.self) { return s.map(string) ?? null() }
        if let n = exactly(value, Int?.self) { return n.map(integer) ?? null() }
        if let d = exactly(value, Date?.self) { return d.map { d in text { JSONISO8601Date.append(d, to: &$0) } } ?? null() }
        if let b = exactly(value, Bool?.self) { return b.map(bool) ?? null() }
        if let n = exactly(value, Int64?.self) { return n.map(integer) ?? null() }
        if let d = exactly(value, Double?.self) { return try d.map { try number($0, at: Self.path(parent, path, step)) } ?? null() }
        if let strings = exactly(value, [String].self) {
            let array = JSONArrayNode(capacity: strings.count)
            for s in strings { array.append(string(s)) }
            return .array(array)
        }
        if let d = exactly(value, [String: String].self) { return .object(object(d, string)) }
        if let d = exactly(value, [String: Bool].self) { return .object(object(d, bool)) }
        if let d = exactly(value, [String: Int].self) { return .object(object(d, integer)) }
        return nil
    }

    private func object<V>(_ dictionary: [String: V], _ encode: (V) -> JSONTreeValue) -> JSONObjectNode {
        let object = JSONObjectNode(capacity: dictionary.count)
        for (key, value) in dictionary { object.append(encode(value), forNewKey: key) }
        return object
    }

    static func path(_ parent: JSONValueEncoder?, _ path: [CodingKey], _ step: JSONPathStep?) -> [CodingKey] {
        (parent?.codingPath ?? []) + path + (step.map { [$0.key] } ?? [])
    }

    private func lend(parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) -> JSONValueEncoder {
        guard let encoder = spare.popLast() else { return JSONValueEncoder(document: self, parent: parent, path: path, step: step) }
        encoder.reset(parent: parent, path: path, step: step)
        return encoder
    }

    private func takeBack(_ encoder: inout JSONValueEncoder) {
        // An encoder a value kept a reference to is not reused.
        guard isKnownUniquelyReferenced(&encoder) else { return }
        encoder.reset(parent: nil, path: [], step: nil)
        spare.append(encoder)
    }
}

/// `value` as a `U` when `T` is exactly `U` (a type comparison, not a dynamic cast).
@inline(__always)
private func exactly<T, U>(_ value: T, _ type: U.Type) -> U? {
    T.self == U.self ? unsafeBitCast(value, to: U.self) : nil
}

/// Where a nested value sits in its container, turned into a coding key only when a coding
/// path is asked for.
enum JSONPathStep {
    case key(any CodingKey)
    case index(Int)

    var key: any CodingKey {
        switch self {
        case .key(let key): key
        case .index(let i): JSONAnyKey(index: i)
        }
    }
}

/// `[String: Value]`: written with its keys as they are, whatever the key strategy (Foundation
/// exempts these dictionaries from `.convertToSnakeCase`).
protocol JSONStringKeyedDictionary {
    func jsonObject(in document: JSONDocument, parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) throws -> JSONObjectNode
}

extension Dictionary: JSONStringKeyedDictionary where Key == String, Value: Encodable {
    func jsonObject(in document: JSONDocument, parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) throws -> JSONObjectNode {
        let object = JSONObjectNode(capacity: count)
        // The members are encoded as the dictionary's own container would encode them.
        let owner = JSONValueEncoder(document: document, parent: parent, path: path, step: step)
        for (key, value) in self {
            object.append(try document.member(value, in: owner, path: [], step: .key(JSONAnyKey(stringValue: key))), forNewKey: key)
        }
        return object
    }
}
